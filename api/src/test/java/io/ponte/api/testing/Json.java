package io.ponte.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Mappers and sample loading for the wire-type tests. */
public final class Json {

    /** A plain mapper, as a service with default Jackson settings would use. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** A plain YAML mapper, for Kubernetes manifests. */
    public static final ObjectMapper YAML = new YAMLMapper();

    private Json() {}

    /** The sample {@code samples/<path>} as a JSON tree; YAML when the name ends in {@code .yaml}. */
    public static JsonNode sample(String path) {
        try (InputStream in = Json.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return (path.endsWith(".yaml") ? YAML : MAPPER).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json} parsed, for expectations written inline. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} written with {@link #MAPPER} and read back as a tree. */
    public static JsonNode written(Object value) {
        return MAPPER.valueToTree(value);
    }
}
