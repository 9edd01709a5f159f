package io.ponte.offload.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.offload.core.InvalidRequestException;
import java.io.IOException;
import java.util.stream.Collectors;

/** Parses request bodies, turning every JSON problem into a message that names where it is. */
final class WireJson {
    private WireJson() {}

    static JsonNode tree(ObjectMapper json, byte[] body, String expected) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("the request body is empty; expected " + expected);
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException("the request body is empty; expected " + expected);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("the request body is not valid JSON" + where(e.getLocation()) + ": "
                    + e.getOriginalMessage() + "; expected " + expected);
        } catch (IOException e) {
            throw new InvalidRequestException("cannot read the request body: " + e.getMessage());
        }
    }

    static <T> T convert(ObjectMapper json, JsonNode node, Class<T> type, String what) {
        try {
            return json.treeToValue(node, type);
        } catch (DatabindException e) {
            String path = e instanceof JsonMappingException m ? path(m) : "";
            throw new InvalidRequestException(what + ": field " + (path.isEmpty() ? "(top level)" : path)
                    + " has the wrong shape: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(what + " is malformed: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // Jackson names Java types ("java.lang.Integer"); keep only what a user can act on
        return line.replaceAll("`?[a-z]+(\\.[a-z0-9]+)+\\.([A-Z][A-Za-z0-9$]*)`?", "$2");
    }
}
