package io.ponte.cli.registry;

import static io.ponte.cli.http.Fields.text;
import static io.ponte.cli.http.Json.query;
import static io.ponte.cli.http.Json.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.http.Service;
import io.ponte.cli.http.ServiceClient;
import io.ponte.cli.http.ServiceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@code ponte models} asks of the registry: Kubeflow Model Registry calls under
 * {@value #KUBEFLOW} and Ponte's aliases and deployments under {@value #PONTE}.
 */
public final class ModelRegistry {
    static final String KUBEFLOW = "/api/model_registry/v1alpha3";
    static final String PONTE = "/api/ponte/v1";

    public static final String DEFAULT_URL = "http://127.0.0.1:8081";
    public static final String URL_VARIABLE = "PONTE_REGISTRY_URL";
    public static final String TOKEN_VARIABLE = "PONTE_REGISTRY_TOKEN";

    /** How {@code ponte} names the registry and finds it: {@code --registry}, {@value #URL_VARIABLE}. */
    public static final Service SERVICE = new Service(
            "model registry", "registry", "--registry", URL_VARIABLE, DEFAULT_URL, Optional.of(TOKEN_VARIABLE));

    private final ServiceClient http;

    /** @param http a client of {@link #SERVICE} */
    public ModelRegistry(ServiceClient http) {
        this.http = http;
    }

    /**
     * Registered models, following {@code nextPageToken} until the last page or {@code limit} items;
     * the page size is {@code limit} unless given.
     */
    public Listing models(Optional<String> filter, OptionalInt pageSize, OptionalInt limit) {
        Map<String, String> query = new LinkedHashMap<>();
        filter.ifPresent(f -> query.put("filterQuery", f));
        (pageSize.isPresent() ? pageSize : limit).ifPresent(n -> query.put("pageSize", Integer.toString(n)));
        return pages(KUBEFLOW + "/registered_models", query, limit);
    }

    /** The registered model named {@code name}; the registry's 404 when there is none. */
    public ObjectNode model(String name) {
        return http.get(KUBEFLOW + "/registered_model" + query(params("name", name)));
    }

    /** All versions of a registered model. */
    public List<ObjectNode> versions(String modelId) {
        return pages(KUBEFLOW + "/registered_models/" + segment(modelId) + "/versions", Map.of(), OptionalInt.empty())
                .items();
    }

    /** The version of a registered model named {@code name}. */
    public ObjectNode version(String modelId, String name) {
        return http.get(KUBEFLOW + "/model_version" + query(params("name", name, "parentResourceId", modelId)));
    }

    /**
     * A registered model's aliases: alias → model version id; none when the registry answers 404, as
     * a Kubeflow registry without Ponte's extensions does.
     */
    public Map<String, String> aliases(String modelId) {
        JsonNode pointers = http.find(aliasesPath(modelId))
                .map(answer -> answer.path("aliases"))
                .orElse(MissingNode.getInstance());
        Map<String, String> aliases = new LinkedHashMap<>();
        pointers.properties().forEach(p -> text(pointers, p.getKey()).ifPresent(v -> aliases.put(p.getKey(), v)));
        return aliases;
    }

    /** The model version an alias points to. */
    public ObjectNode aliasedVersion(String modelId, String alias) {
        return http.get(aliasesPath(modelId) + "/" + segment(alias));
    }

    /** Points {@code alias} at a version; the registry's answer, possibly empty. */
    public ObjectNode setAlias(String modelId, String alias, String versionId) {
        return http.put(aliasesPath(modelId) + "/" + segment(alias), Map.of("modelVersionId", versionId));
    }

    public void deleteAlias(String modelId, String alias) {
        http.delete(aliasesPath(modelId) + "/" + segment(alias));
    }

    /**
     * Creates the version and its artifact, and the registered model first when the registry has
     * none by that name.
     */
    public Registration.Registered register(Registration registration) {
        Optional<ObjectNode> existing =
                http.find(KUBEFLOW + "/registered_model" + query(params("name", registration.model())));
        ObjectNode model = existing.orElseGet(
                () -> http.post(KUBEFLOW + "/registered_models", Map.of("name", registration.model())));
        String modelId = id(model);
        ObjectNode version = http.post(
                KUBEFLOW + "/registered_models/" + segment(modelId) + "/versions", registration.versionBody(modelId));
        ObjectNode artifact = http.post(
                KUBEFLOW + "/model_versions/" + segment(id(version)) + "/artifacts", registration.artifactBody());
        return new Registration.Registered(model, existing.isEmpty(), version, artifact);
    }

    /** Deploys a model version; the answer holds {@code inferenceService} and {@code kserve}. */
    public ObjectNode deploy(String versionId, Deployment deployment) {
        return http.post(PONTE + "/model_versions/" + segment(versionId) + "/deploy", deployment.body());
    }

    /** Asks for an InferenceService to be undeployed; the answer is the InferenceService. */
    public ObjectNode undeploy(String inferenceServiceId) {
        return http.post(PONTE + "/inference_services/" + segment(inferenceServiceId) + "/undeploy", null);
    }

    /** The {@code id} of an entity the registry returned. */
    public static String id(ObjectNode entity) {
        return text(entity, "id")
                .orElseThrow(() -> ServiceException.failed("the registry's answer has no id: " + entity, null));
    }

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    private static String aliasesPath(String modelId) {
        return PONTE + "/registered_models/" + segment(modelId) + "/aliases";
    }

    private Listing pages(String path, Map<String, String> query, OptionalInt limit) {
        List<ObjectNode> items = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = "";
        do {
            Map<String, String> pageQuery = new LinkedHashMap<>(query);
            if (!token.isEmpty()) {
                pageQuery.put("nextPageToken", token);
            }
            ObjectNode page = http.get(path + query(pageQuery));
            JsonNode pageItems = page.path("items");
            if (pageItems.isArray()) {
                pageItems
                        .valueStream()
                        .filter(ObjectNode.class::isInstance)
                        .map(ObjectNode.class::cast)
                        .forEach(items::add);
            }
            token = text(page, "nextPageToken", "");
            if (!token.isEmpty() && !tokens.add(token)) {
                throw ServiceException.failed("the registry sent page token " + token + " twice for " + path, null);
            }
        } while (!token.isEmpty() && (limit.isEmpty() || items.size() < limit.getAsInt()));
        if (limit.isPresent() && items.size() > limit.getAsInt()) {
            return new Listing(items.subList(0, limit.getAsInt()), true);
        }
        return new Listing(items, !token.isEmpty());
    }
}
