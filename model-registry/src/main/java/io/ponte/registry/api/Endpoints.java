package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.core.Entity;
import io.ponte.registry.core.Kind;
import io.ponte.registry.core.ListQuery;
import io.ponte.registry.core.Page;
import io.ponte.registry.core.PageRequest;
import io.ponte.registry.core.PageToken;
import io.ponte.registry.core.RegistryException;
import io.ponte.registry.core.RegistryService;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** What every resource does the same way: parse ids and paging, map entities to JSON, set ETags. */
@Singleton
public class Endpoints {

    public static final String BASE = "/api/model_registry/v1alpha3";

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern PAGE_SIZE = Pattern.compile("[1-9][0-9]{0,8}");
    /** Digits only: what {@link #metricHistory} turns into filter text can hold nothing else. */
    private static final Pattern STEP_IDS = Pattern.compile(" *[0-9]{1,18} *(, *[0-9]{1,18} *)*");

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"r([0-9]{1,9})\"");

    private final RegistryService registry;

    Endpoints(RegistryService registry) {
        this.registry = registry;
    }

    public RegistryService registry() {
        return registry;
    }

    Response create(Kind kind, JsonNode body, Optional<Long> pathParent) {
        Entity stored = registry.create(EntityJson.read(kind, body, pathParent.isPresent()), pathParent);
        return withTag(Response.status(Response.Status.CREATED), stored);
    }

    Response get(Set<Kind> kinds, String id, String param) {
        return withTag(Response.ok(), registry.get(kinds, id(param, id)));
    }

    Response get(Kind kind, String id, String param) {
        return get(EnumSet.of(kind), id, param);
    }

    Response patch(Set<Kind> kinds, String id, String param, JsonNode body, String ifMatch) {
        EntityJson.object(body);
        Entity stored =
                registry.update(kinds, id(param, id), current -> EntityJson.patch(current, body), revision(ifMatch));
        return withTag(Response.ok(), stored);
    }

    Response patch(Kind kind, String id, String param, JsonNode body, String ifMatch) {
        return patch(EnumSet.of(kind), id, param, body, ifMatch);
    }

    ObjectNode list(Set<Kind> kinds, ListParams p, Optional<Long> parent) {
        return page(registry.list(query(kinds, p, parent)));
    }

    ObjectNode list(Kind kind, ListParams p) {
        return list(EnumSet.of(kind), p, Optional.empty());
    }

    /** Recorded metric values, optionally of one run, one metric name and some steps ({@code "1,2,3"}). */
    ObjectNode metricHistory(ListParams p, String stepIds, Optional<Long> run) {
        if (stepIds != null && !stepIds.isBlank()) {
            if (!STEP_IDS.matcher(stepIds).matches()) {
                throw RegistryException.invalid("stepIds", "stepIds must be integers separated by commas, like 1,2,3");
            }
            String steps = "step IN (" + stepIds.replace(" ", "") + ")";
            p.filterQuery =
                    p.filterQuery == null || p.filterQuery.isBlank() ? steps : "(" + p.filterQuery + ") AND " + steps;
        }
        return page(registry.list(query(EnumSet.of(Kind.METRIC_HISTORY), p, run)));
    }

    Response find(Set<Kind> kinds, String name, String externalId, String parentId) {
        Optional<Long> parent = Optional.ofNullable(parentId).map(v -> id("parentResourceId", v));
        Entity found = registry.find(kinds, Optional.ofNullable(name), Optional.ofNullable(externalId), parent);
        return withTag(Response.ok(), found);
    }

    static ListQuery query(Set<Kind> kinds, ListParams p, Optional<Long> parent) {
        int size = PageRequest.DEFAULT_SIZE;
        if (p.pageSize != null) {
            if (!PAGE_SIZE.matcher(p.pageSize).matches()) {
                throw RegistryException.invalid(
                        "pageSize", "pageSize must be a positive integer, not '" + p.pageSize + "'");
            }
            size = Math.min(Integer.parseInt(p.pageSize), PageRequest.MAX_SIZE);
        }
        PageRequest.OrderBy order = PageRequest.OrderBy.ID;
        if (p.orderBy != null) {
            order = switch (p.orderBy) {
                case "ID" -> PageRequest.OrderBy.ID;
                case "CREATE_TIME" -> PageRequest.OrderBy.CREATE_TIME;
                case "LAST_UPDATE_TIME" -> PageRequest.OrderBy.LAST_UPDATE_TIME;
                default ->
                    throw RegistryException.invalid(
                            "orderBy",
                            "orderBy must be one of ID, CREATE_TIME, LAST_UPDATE_TIME, not '" + p.orderBy + "'");
            };
        }
        boolean descending = false;
        if (p.sortOrder != null) {
            if (!"ASC".equals(p.sortOrder) && !"DESC".equals(p.sortOrder)) {
                throw RegistryException.invalid(
                        "sortOrder", "sortOrder must be ASC or DESC, not '" + p.sortOrder + "'");
            }
            descending = "DESC".equals(p.sortOrder);
        }
        Optional<PageToken> after = p.nextPageToken == null || p.nextPageToken.isEmpty()
                ? Optional.empty()
                : Optional.of(PageToken.decode(p.nextPageToken));
        return new ListQuery(
                kinds,
                parent,
                Optional.ofNullable(p.name),
                Optional.ofNullable(p.externalId),
                FilterQueries.parse(p.filterQuery),
                new PageRequest(size, order, descending, after));
    }

    static ObjectNode page(Page page) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(e -> items.add(EntityJson.write(e)));
        out.put("nextPageToken", page.next().map(PageToken::encode).orElse(""));
        out.put("pageSize", page.pageSize());
        out.put("size", page.items().size());
        return out;
    }

    static Response withTag(Response.ResponseBuilder builder, Entity e) {
        return builder.entity(EntityJson.write(e))
                .tag(new EntityTag("r" + e.revision()))
                .build();
    }

    static long id(String param, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw RegistryException.invalid(param, param + " must be a positive integer id, not '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static OptionalInt revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return OptionalInt.empty();
        }
        var m = IF_MATCH.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw RegistryException.invalid("If-Match", "If-Match must be an ETag this registry sent, like \"r3\"");
        }
        return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
}
