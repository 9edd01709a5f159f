package io.ponte.api.testing;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The object schemas of an OpenAPI document under {@code ../shared/contracts}, and a check that a
 * wire type's JSON member names are members of the schemas it implements.
 *
 * <p>A schema is named by a path: a component name, then {@code .member} to step into a property
 * and {@code []} to step into array items, e.g. {@code CreateChatCompletionResponse.choices[]}.
 * {@code $ref}, {@code allOf}, {@code anyOf} and {@code oneOf} are followed, so a path stands for
 * every member any variant allows.
 */
public final class OpenApiContract {

    private final JsonNode schemas;

    private OpenApiContract(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    /**
     * The contract {@code fileName} from the directory in system property {@code ponte.shared.dir},
     * or empty when that is not set or not readable.
     */
    public static Optional<OpenApiContract> load(String fileName) {
        String shared = System.getProperty("ponte.shared.dir");
        if (shared == null) {
            return Optional.empty();
        }
        Path file = Path.of(shared, "contracts", fileName);
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        ObjectMapper yaml =
                new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
        try {
            return Optional.of(new OpenApiContract(yaml.readTree(file.toFile())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    /**
     * What is wrong with {@code type} against the schemas at {@code paths}: member names that no
     * schema declares, and required members that {@code type} does not model. Empty when it fits.
     */
    public List<String> mismatches(ObjectMapper mapper, Class<?> type, List<String> paths) {
        Set<String> declared = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (String path : paths) {
            Shape shape = shape(resolvePath(path));
            declared.addAll(shape.properties());
            required.addAll(shape.required());
        }
        Set<String> modelled = wireNames(mapper, type);
        List<String> problems = new ArrayList<>();
        modelled.stream()
                .filter(name -> !declared.contains(name))
                .forEach(name -> problems.add(type.getSimpleName() + "." + name + " is not in " + paths));
        required.stream()
                .filter(name -> !modelled.contains(name))
                .forEach(name -> problems.add(type.getSimpleName() + " lacks required " + name + " of " + paths));
        return problems;
    }

    /** The member names Jackson's serializer for {@code type} writes, any-getter members aside. */
    public static Set<String> wireNames(ObjectMapper mapper, Class<?> type) {
        Set<String> names = new TreeSet<>();
        try {
            mapper.getSerializerProviderInstance()
                    .findValueSerializer(type)
                    .properties()
                    .forEachRemaining(property -> {
                        if (property.getAnnotation(JsonAnyGetter.class) == null) {
                            names.add(property.getName());
                        }
                    });
        } catch (JsonMappingException e) {
            throw new IllegalStateException("no serializer for " + type, e);
        }
        return names;
    }

    private JsonNode resolvePath(String path) {
        String[] steps = path.split("\\.");
        JsonNode node = component(steps[0].replace("[]", ""));
        if (steps[0].endsWith("[]")) {
            node = items(node, path);
        }
        for (int i = 1; i < steps.length; i++) {
            String name = steps[i].replace("[]", "");
            node = property(node, name).orElseThrow(() -> new IllegalArgumentException("no " + name + " in " + path));
            if (steps[i].endsWith("[]")) {
                node = items(node, path);
            }
        }
        return node;
    }

    private JsonNode component(String name) {
        JsonNode node = schemas.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no schema " + name);
        }
        return node;
    }

    private JsonNode deref(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            node = component(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return node;
    }

    private List<JsonNode> variants(JsonNode node) {
        List<JsonNode> variants = new ArrayList<>();
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            node.path(combinator).forEach(variant -> variants.add(deref(variant)));
        }
        return variants;
    }

    private Optional<JsonNode> property(JsonNode node, String name) {
        JsonNode schema = deref(node);
        if (schema.path("properties").has(name)) {
            return Optional.of(schema.path("properties").get(name));
        }
        return variants(schema).stream()
                .map(variant -> property(variant, name))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private JsonNode items(JsonNode node, String path) {
        JsonNode schema = deref(node);
        if (schema.has("items")) {
            return schema.get("items");
        }
        return variants(schema).stream()
                .filter(variant -> variant.has("items"))
                .map(variant -> variant.get("items"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no array items in " + path));
    }

    private Shape shape(JsonNode node) {
        JsonNode schema = deref(node);
        Set<String> properties = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (JsonNode variant : variants(schema)) {
            Shape inner = shape(variant);
            properties.addAll(inner.properties());
            required.addAll(inner.required());
        }
        return new Shape(properties, required);
    }

    private record Shape(Set<String> properties, Set<String> required) {}
}
