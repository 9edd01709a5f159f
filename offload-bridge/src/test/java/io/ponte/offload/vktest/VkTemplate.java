package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One vk-test-set template file: Kubernetes objects, then (after the first line matching {@code
 * #+ *validation}, case-insensitive, as upstream splits it) the validation block.
 *
 * @param id the file name without {@code .yaml}, e.g. {@code 000-hello-world}
 * @param text the template source
 */
record VkTemplate(String id, String text) {
    private static final Pattern VALIDATION_HEADER = Pattern.compile("#+ *validation");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** The rendered objects and checks of one run. */
    record Rendered(String id, String uuid, String manifest, List<HasMetadata> objects, Validation validation) {}

    /** Every {@code *.yaml} in {@code dir}, sorted by name. */
    static List<VkTemplate> loadAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<VkTemplate> out = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String name = f.getFileName().toString();
                out.add(new VkTemplate(name.substring(0, name.length() - ".yaml".length()), Files.readString(f)));
            }
            return out;
        }
    }

    /** Renders with the config's values plus {@code target_node} and a fresh {@code uuid}. */
    Rendered render(VkTestConfig config, String targetNode) {
        return render(config, targetNode, UUID.randomUUID().toString());
    }

    Rendered render(VkTestConfig config, String targetNode, String uuid) {
        Map<String, Object> values = new java.util.HashMap<>(config.values());
        values.put("target_node", targetNode);
        values.put("uuid", uuid);
        String rendered = JinjaSubset.render(text, values);
        String[] lines = rendered.split("\n", -1);
        int header = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (VALIDATION_HEADER
                    .matcher(lines[i].toLowerCase(java.util.Locale.ROOT))
                    .find()) {
                header = i;
                break;
            }
        }
        String manifest = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, header));
        String validationText = String.join("\n", java.util.Arrays.copyOfRange(lines, header, lines.length));
        Validation validation;
        try {
            validation = Validation.parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(validationText));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(id + ": validation block: " + e.getMessage(), e);
        }
        return new Rendered(id, uuid, manifest, objects(manifest), validation);
    }

    private List<HasMetadata> objects(String manifest) {
        List<HasMetadata> out = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(manifest)) {
            if (doc == null) {
                continue;
            }
            Map<?, ?> map = Yamls.mapping(doc, id + ": manifest document");
            if (!map.containsKey("kind") || !map.containsKey("apiVersion")) {
                throw new IllegalArgumentException(id + ": a manifest document lacks kind or apiVersion: " + map);
            }
            HasMetadata object = SERIALIZATION.convertValue(map, HasMetadata.class);
            out.add(Objects.requireNonNull(object, id + ": unreadable object " + map.get("kind")));
        }
        return out;
    }
}
