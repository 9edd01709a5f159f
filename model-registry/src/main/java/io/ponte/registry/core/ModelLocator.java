package io.ponte.registry.core;

import io.ponte.registry.spi.EntityStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds model versions by what people call them: MLflow-style aliases ({@code champion}, {@code staging}) and
 * KServe's {@code model-registry://} storage URIs.
 */
@ApplicationScoped
public class ModelLocator {

    public static final String SCHEME = "model-registry://";
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    private final EntityStore store;
    private final RegistryService registry;

    public ModelLocator(EntityStore store, RegistryService registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Points {@code alias} of a registered model at one of its versions. */
    public Entity setAlias(long registeredModelId, String alias, long modelVersionId) {
        checkAlias(alias);
        registry.get(Kind.REGISTERED_MODEL, registeredModelId);
        Entity version = registry.get(Kind.MODEL_VERSION, modelVersionId);
        if (version.parentId() != registeredModelId) {
            throw RegistryException.invalid(
                    "modelVersionId",
                    "model version " + modelVersionId + " belongs to registered model " + version.parentId()
                            + ", not to " + registeredModelId);
        }
        store.setAlias(registeredModelId, alias, modelVersionId);
        return version;
    }

    /** The version an alias points at. */
    public Entity alias(long registeredModelId, String alias) {
        registry.get(Kind.REGISTERED_MODEL, registeredModelId);
        Long version = store.aliases(registeredModelId).get(alias);
        if (version == null) {
            throw RegistryException.notFound("registered model " + registeredModelId + " has no alias '" + alias + "'");
        }
        return registry.get(Kind.MODEL_VERSION, version);
    }

    public Map<String, Long> aliases(long registeredModelId) {
        registry.get(Kind.REGISTERED_MODEL, registeredModelId);
        return new LinkedHashMap<>(store.aliases(registeredModelId));
    }

    public void deleteAlias(long registeredModelId, String alias) {
        registry.get(Kind.REGISTERED_MODEL, registeredModelId);
        if (!store.deleteAlias(registeredModelId, alias)) {
            throw RegistryException.notFound("registered model " + registeredModelId + " has no alias '" + alias + "'");
        }
    }

    /** What a {@code model-registry://} URI names, down to the model artifact whose URI holds the files. */
    public record Resolution(Entity registeredModel, Entity version, Entity artifact) {}

    /**
     * Resolves {@code model-registry://[host[:port]/]<model>/<version>}, {@code model-registry://<model>@<alias>}
     * and {@code model-registry://<model>} (its newest live version). Segments are percent-decoded.
     */
    public Resolution resolve(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw RegistryException.invalid("uri", "the URI must start with " + SCHEME);
        }
        List<String> parts = List.of(uri.substring(SCHEME.length()).split("/", -1));
        String last = parts.get(parts.size() - 1);
        String model;
        Optional<String> versionName = Optional.empty();
        Optional<String> alias = Optional.empty();
        if (last.contains("@")) {
            model = last.substring(0, last.indexOf('@'));
            alias = Optional.of(last.substring(last.indexOf('@') + 1));
            if (parts.size() > 2) {
                throw malformed(uri);
            }
        } else if (parts.size() == 1) {
            model = last;
        } else if (parts.size() == 2 || parts.size() == 3) {
            model = parts.get(parts.size() - 2);
            versionName = Optional.of(last);
        } else {
            throw malformed(uri);
        }
        model = decode(model);
        if (model.isEmpty() || versionName.map(String::isEmpty).orElse(false)) {
            throw malformed(uri);
        }
        Entity registered = registry.find(
                EnumSet.of(Kind.REGISTERED_MODEL), Optional.of(model), Optional.empty(), Optional.empty());
        Entity version;
        if (alias.isPresent()) {
            version = alias(registered.id(), decode(alias.get()));
        } else if (versionName.isPresent()) {
            version = registry.find(
                    EnumSet.of(Kind.MODEL_VERSION),
                    Optional.of(decode(versionName.get())),
                    Optional.empty(),
                    Optional.of(registered.id()));
        } else {
            version = newestLive(registered);
        }
        Entity artifact = store
                .list(new ListQuery(
                        EnumSet.of(Kind.MODEL_ARTIFACT),
                        Optional.of(version.id()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        PageRequest.first(1)))
                .items()
                .stream()
                .findFirst()
                .orElseThrow(() -> RegistryException.notFound(
                        "model version " + version.id() + " (" + version.name() + ") has no model artifact"));
        if (artifact.prop("uri").isEmpty()) {
            throw RegistryException.notFound("model artifact " + artifact.id() + " has no uri");
        }
        return new Resolution(registered, version, artifact);
    }

    private Entity newestLive(Entity registered) {
        return store
                .list(new ListQuery(
                        EnumSet.of(Kind.MODEL_VERSION),
                        Optional.of(registered.id()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        new PageRequest(50, PageRequest.OrderBy.ID, true, Optional.empty())))
                .items()
                .stream()
                .filter(v -> !"ARCHIVED".equals(v.state()))
                .findFirst()
                .orElseThrow(() ->
                        RegistryException.notFound("registered model " + registered.name() + " has no live version"));
    }

    private static void checkAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw RegistryException.invalid(
                    "alias", "an alias is a lower-case name like 'champion' (a-z, 0-9, '-', '_'), not '" + alias + "'");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static RegistryException malformed(String uri) {
        return RegistryException.invalid(
                "uri",
                "'" + uri + "' is not model-registry://<model>/<version>, model-registry://<model>@<alias>"
                        + " or model-registry://<model>");
    }
}
