package io.ponte.pipelines.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ponte.pipelines.spi.TaskLaunch.Resources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content-addressed cache key of a container task: SHA-256 over the image, the command and args
 * as resolved (with run-specific paths and URIs replaced by stable names and input artifacts by their
 * content hashes), the environment, the resources, the input parameter values and the input
 * artifacts' content hashes.
 */
final class CacheKeys {

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** A key and what went into it, for explaining a hit. */
    record Key(String key, String description) {}

    private CacheKeys() {}

    static Key of(
            String image,
            List<String> command,
            List<String> args,
            Map<String, String> env,
            Resources resources,
            Map<String, Object> parameters,
            Map<String, List<String>> artifactHashes) {
        Map<String, Object> material = new LinkedHashMap<>();
        material.put("image", image);
        material.put("command", command);
        material.put("args", args);
        material.put("env", new TreeMap<>(env));
        material.put(
                "resources",
                List.of(
                        resources.cpuRequest().orElse(""),
                        resources.cpuLimit().orElse(""),
                        resources.memoryRequest().orElse(""),
                        resources.memoryLimit().orElse(""),
                        resources.acceleratorType().orElse(""),
                        resources.acceleratorCount()));
        material.put("parameters", new TreeMap<>(parameters));
        material.put("artifacts", new TreeMap<>(artifactHashes));
        String key;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(material).getBytes(StandardCharsets.UTF_8));
            key = HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder d = new StringBuilder();
        d.append("image ").append(image);
        d.append("; command and args (").append(command.size() + args.size()).append(" items, resolved)");
        d.append("; env ").append(env.isEmpty() ? "none" : String.join(",", new TreeMap<>(env).keySet()));
        d.append("; resources ").append(resources.equals(Resources.none()) ? "none" : "as requested");
        d.append("; parameters ")
                .append(parameters.isEmpty() ? "none" : String.join(",", new TreeMap<>(parameters).keySet()));
        d.append("; input artifacts ");
        if (artifactHashes.isEmpty()) {
            d.append("none");
        } else {
            StringBuilder a = new StringBuilder();
            new TreeMap<>(artifactHashes)
                    .forEach((k, v) -> a.append(a.length() == 0 ? "" : ",")
                            .append(k)
                            .append("=sha256:")
                            .append(v.stream()
                                    .map(h -> h.substring(0, Math.min(12, h.length())))
                                    .toList()));
            d.append(a);
        }
        return new Key(key, d.toString());
    }
}
