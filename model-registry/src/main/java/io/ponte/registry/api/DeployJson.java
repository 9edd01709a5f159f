package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.core.DeployRequest;
import io.ponte.registry.core.Deployed;
import io.ponte.registry.core.RegistryException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of deploy requests and answers; every field of a request is checked, unknown ones refused. */
final class DeployJson {

    private static final List<String> FIELDS =
            List.of("placement", "namespace", "name", "runtime", "minReplicas", "maxReplicas");

    private DeployJson() {}

    static DeployRequest request(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RegistryException.invalid(
                    null, "the request body must be a JSON object like {\"placement\": \"<placement>\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!FIELDS.contains(key)) {
                throw RegistryException.invalid(
                        key, "unknown field '" + key + "' for a deploy request; the fields are " + FIELDS);
            }
        }
        String placement = text(body, "placement")
                .orElseThrow(() -> RegistryException.invalid("placement", "field 'placement' is required"));
        return new DeployRequest(
                placement,
                text(body, "namespace"),
                text(body, "name"),
                text(body, "runtime"),
                integer(body, "minReplicas"),
                integer(body, "maxReplicas"));
    }

    static ObjectNode write(Deployed deployed) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("inferenceService", EntityJson.write(deployed.inferenceService()));
        ObjectNode kserve = out.putObject("kserve");
        kserve.put("name", deployed.name());
        kserve.put("namespace", deployed.namespace());
        kserve.set("manifest", deployed.manifest());
        return out;
    }

    private static Optional<String> text(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(EntityJson.text(key, value));
    }

    private static Optional<Integer> integer(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw RegistryException.invalid(key, "field '" + key + "' must be a whole number");
        }
        return Optional.of(value.intValue());
    }
}
