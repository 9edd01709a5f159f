package io.ponte.pipelines.core.placeholder;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.core.ir.ParameterDef;
import io.ponte.pipelines.core.ir.ParameterType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a container produced, following the KFP container contract: each output parameter from
 * its {@code output_file}, typed by its declaration; then the ExecutorOutput JSON (its {@code
 * parameterValues} win over the files, its {@code artifacts} give metadata and URIs).
 */
public final class ExecutorOutputs {

    /**
     * What a container produced.
     *
     * @param parameters output parameter values
     * @param artifactMetadata metadata per output artifact name
     * @param artifactUris URIs the task chose for its output artifacts (rare)
     */
    public record Produced(
            Map<String, Object> parameters,
            Map<String, Map<String, Object>> artifactMetadata,
            Map<String, String> artifactUris) {}

    private ExecutorOutputs() {}

    public static Produced read(Map<String, ParameterDef> declared, Map<String, String> parameterFiles, Path outputFile)
            throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        for (var e : parameterFiles.entrySet()) {
            Path f = Path.of(e.getValue());
            if (Files.isRegularFile(f)) {
                ParameterDef def = declared.get(e.getKey());
                String text = Files.readString(f, StandardCharsets.UTF_8);
                params.put(e.getKey(), typed(text, def == null ? ParameterType.STRING : def.type(), e.getKey()));
            }
        }
        Map<String, Map<String, Object>> metadata = new HashMap<>();
        Map<String, String> uris = new HashMap<>();
        if (Files.isRegularFile(outputFile) && Files.size(outputFile) > 0) {
            JsonNode out;
            try {
                out = Placeholders.JSON.readTree(outputFile.toFile());
            } catch (IOException e) {
                throw new IOException("the ExecutorOutput file is not JSON: " + e.getMessage(), e);
            }
            out.path("parameterValues")
                    .fields()
                    .forEachRemaining(
                            f -> params.put(f.getKey(), Placeholders.JSON.convertValue(f.getValue(), Object.class)));
            out.path("parameters")
                    .fields()
                    .forEachRemaining(f -> legacy(f.getValue()).ifPresent(v -> params.putIfAbsent(f.getKey(), v)));
            out.path("artifacts").fields().forEachRemaining(f -> {
                JsonNode first = f.getValue().path("artifacts").path(0);
                if (first.has("metadata")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = Placeholders.JSON.convertValue(first.get("metadata"), Map.class);
                    metadata.put(f.getKey(), m);
                }
                if (first.hasNonNull("uri") && !first.get("uri").asText().isBlank()) {
                    uris.put(f.getKey(), first.get("uri").asText());
                }
            });
        }
        return new Produced(params, metadata, uris);
    }

    private static Optional<Object> legacy(JsonNode v) {
        if (v.has("stringValue")) {
            return Optional.of(v.get("stringValue").asText());
        }
        if (v.has("intValue")) {
            return Optional.of(v.get("intValue").asLong());
        }
        if (v.has("doubleValue")) {
            return Optional.of(v.get("doubleValue").asDouble());
        }
        return Optional.empty();
    }

    /** An output file's text as a value of the declared type, as the KFP launcher converts it. */
    public static Object typed(String text, ParameterType type, String name) throws IOException {
        try {
            return switch (type) {
                case NUMBER_INTEGER -> Long.parseLong(text.strip());
                case NUMBER_DOUBLE -> Double.parseDouble(text.strip());
                case BOOLEAN -> parseBool(text.strip());
                case LIST, STRUCT -> Placeholders.JSON.convertValue(Placeholders.JSON.readTree(text), Object.class);
                default -> text;
            };
        } catch (RuntimeException | IOException e) {
            throw new IOException("output parameter " + name + " is not a valid " + type + ": " + abbreviate(text), e);
        }
    }

    private static boolean parseBool(String s) {
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return true;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException(s);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
