package io.ponte.cli.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of a list endpoint, gathered across pages.
 *
 * @param more whether the registry holds more than {@code items}: the limit stopped the listing
 */
public record Listing(List<ObjectNode> items, boolean more) {
    public Listing {
        items = List.copyOf(items);
    }

    /** The shape of one list page: {@code {"items": [...], "size": n}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("size", items.size());
        return json;
    }
}
