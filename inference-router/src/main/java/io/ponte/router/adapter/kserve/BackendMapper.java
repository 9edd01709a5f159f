package io.ponte.router.adapter.kserve;

import io.ponte.api.kserve.Condition;
import io.ponte.api.kserve.InferenceService;
import io.ponte.api.kserve.InferenceServiceSpec;
import io.ponte.api.kserve.InferenceServiceStatus;
import io.ponte.api.kserve.ModelSpec;
import io.ponte.api.kserve.PredictorSpec;
import io.ponte.router.config.RouterConfig.KserveAnnotations;
import io.ponte.router.config.RouterConfig.KserveConfig;
import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.BackendSpec;
import io.ponte.router.core.Timeouts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one InferenceService into the backend the router should see, or says why there is none. */
final class BackendMapper {

    static final String SOURCE = "kserve";
    static final int MAX_WEIGHT = 1000;

    private final KserveConfig config;
    private final KserveAnnotations keys;
    private final Timeouts timeouts;

    BackendMapper(KserveConfig config, Timeouts timeouts) {
        if (config.weight() < 1 || config.weight() > MAX_WEIGHT) {
            throw new IllegalArgumentException(
                    "ponte.router.kserve.weight must be between 1 and " + MAX_WEIGHT + ", was " + config.weight());
        }
        this.config = config;
        this.keys = config.annotations();
        this.timeouts = timeouts;
    }

    /** The registry name of an InferenceService: {@code kserve/<namespace>/<name>}. */
    static String backendName(String namespace, String name) {
        return SOURCE + "/" + namespace + "/" + name;
    }

    Mapping map(InferenceService isvc) {
        if (isvc.getMetadata().getDeletionTimestamp() != null) {
            return new Mapping.Skip("it is being deleted", false);
        }
        if (!isvc.isReady()) {
            return new Mapping.Skip("it is not Ready" + notReadyReason(isvc), false);
        }
        List<String> warnings = new ArrayList<>();
        Map<String, String> annotations = annotations(isvc);
        Optional<Protocol> protocol = protocol(isvc, annotations, warnings);
        if (protocol.isEmpty()) {
            return new Mapping.Skip(
                    "its predictor speaks grpc-v2, which the router cannot relay over HTTP" + " (set annotation "
                            + keys.protocolAnnotation() + "=v2 if it also serves REST)",
                    true);
        }
        Optional<String> url = config.preferClusterAddress()
                ? isvc.internalUrl().filter(u -> !u.isBlank()).or(isvc::externalUrl)
                : isvc.externalUrl();
        if (url.isEmpty() || url.get().isBlank()) {
            return new Mapping.Skip("its status has no URL yet", false);
        }
        Optional<URI> root = httpUri(url.get());
        if (root.isEmpty()) {
            return new Mapping.Skip("its status URL '" + url.get() + "' is not an http(s) URL with a host", true);
        }
        URI base = protocol.get() == Protocol.V2 ? root.get() : withPrefix(root.get(), openaiPrefix(annotations));
        String name = isvc.getMetadata().getName();
        String model = Optional.ofNullable(annotations.get(keys.modelNameAnnotation()))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElse(name);
        BackendSpec spec = new BackendSpec(
                backendName(isvc.getMetadata().getNamespace(), name),
                SOURCE,
                base,
                protocol.get(),
                Set.of(model),
                Optional.empty(),
                weight(annotations, warnings),
                timeouts,
                BackendSpec.defaultProbePath(protocol.get()));
        return new Mapping.Route(spec, warnings);
    }

    /** The protocol to speak; empty for a gRPC-only predictor. */
    private Optional<Protocol> protocol(InferenceService isvc, Map<String, String> annotations, List<String> warnings) {
        String override = annotations.get(keys.protocolAnnotation());
        if (override != null) {
            switch (override.trim().toLowerCase(Locale.ROOT)) {
                case "openai" -> {
                    return Optional.of(Protocol.OPENAI);
                }
                case "v2" -> {
                    return Optional.of(Protocol.V2);
                }
                default ->
                    warnings.add("annotation " + keys.protocolAnnotation() + "='" + override
                            + "' is neither openai nor v2; ignored");
            }
        }
        String version = Optional.ofNullable(isvc.getSpec())
                .map(InferenceServiceSpec::predictor)
                .map(PredictorSpec::model)
                .map(ModelSpec::protocolVersion)
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse("");
        return switch (version) {
            case "v2" -> Optional.of(Protocol.V2);
            case "grpc-v2" -> Optional.empty();
            default -> Optional.of(Protocol.OPENAI);
        };
    }

    private String openaiPrefix(Map<String, String> annotations) {
        return Optional.ofNullable(annotations.get(keys.prefixAnnotation())).orElse(config.openaiPrefix());
    }

    private int weight(Map<String, String> annotations, List<String> warnings) {
        String value = annotations.get(keys.weightAnnotation());
        if (value == null) {
            return config.weight();
        }
        try {
            int weight = Integer.parseInt(value.trim());
            if (weight >= 1 && weight <= MAX_WEIGHT) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        warnings.add("annotation " + keys.weightAnnotation() + "='" + value + "' is not a whole number from 1 to "
                + MAX_WEIGHT + "; using " + config.weight());
        return config.weight();
    }

    /** {@code root} with {@code prefix} appended to its path, without a trailing slash. */
    static URI withPrefix(URI root, String prefix) {
        String p = prefix.trim();
        if (!p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        return URI.create(stripTrailingSlash(root.toString()) + stripTrailingSlash(p));
    }

    private static Optional<URI> httpUri(String url) {
        try {
            URI uri = URI.create(stripTrailingSlash(url.trim()));
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String stripTrailingSlash(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    private static Map<String, String> annotations(InferenceService isvc) {
        Map<String, String> a = isvc.getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }

    private static String notReadyReason(InferenceService isvc) {
        return Optional.ofNullable(isvc.getStatus())
                .flatMap(s -> s.condition(InferenceServiceStatus.READY))
                .map(Condition::reason)
                .filter(r -> !r.isBlank())
                .map(r -> " (" + r + ")")
                .orElse("");
    }
}
