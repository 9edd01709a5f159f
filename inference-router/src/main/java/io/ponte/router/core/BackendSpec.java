package io.ponte.router.core;

import io.ponte.router.config.RouterConfig.Protocol;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * What the router knows about one upstream replica, wherever it came from.
 *
 * @param name unique name: the config key for static backends, {@code kserve/<ns>/<isvc>} for discovered ones
 * @param source {@code static} or {@code kserve}
 * @param baseUrl OpenAI: up to and including the version segment ({@code …/v1}); v2: the server root
 * @param protocol the wire protocol it speaks
 * @param models served model names; empty until a probe learns them (OpenAI backends without configured models)
 * @param apiKey bearer token to send upstream
 * @param weight relative share of traffic within its pool
 * @param timeouts this backend's timeouts (before per-model overrides)
 * @param probePath readiness path relative to {@code baseUrl}
 */
public record BackendSpec(
        String name,
        String source,
        URI baseUrl,
        Protocol protocol,
        Set<String> models,
        Optional<String> apiKey,
        int weight,
        Timeouts timeouts,
        String probePath) {

    public BackendSpec {
        models = Set.copyOf(models);
        if (weight < 1) {
            throw new IllegalArgumentException("weight of backend " + name + " must be ≥ 1, was " + weight);
        }
    }

    /** The same backend serving other model names. */
    public BackendSpec withModels(Set<String> newModels) {
        return new BackendSpec(name, source, baseUrl, protocol, newModels, apiKey, weight, timeouts, probePath);
    }

    /** The default readiness path for a protocol. */
    public static String defaultProbePath(Protocol protocol) {
        return protocol == Protocol.OPENAI ? "/models" : "/v2/health/ready";
    }

    @Override
    public String toString() {
        return name + "(" + baseUrl + ")";
    }
}
