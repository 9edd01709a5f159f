package io.ponte.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything the inference-router can be told, under {@code ponte.router}. */
@ConfigMapping(prefix = "ponte.router")
public interface RouterConfig {

    /** Statically configured backends, by name. */
    Map<String, BackendConfig> backends();

    /** Per-model overrides (timeouts), keyed by the served model name clients ask for. */
    Map<String, ModelConfig> models();

    /** Default timeouts for every upstream call; backends and models may override them. */
    TimeoutsConfig timeouts();

    /** Transparent retries on another replica while nothing has reached the client. */
    RetryConfig retry();

    /** Passive outlier ejection and active readiness probes. */
    HealthConfig health();

    /** API keys by name. With none configured the router is open (and says so at start-up). */
    @WithName("api-keys")
    Map<String, ApiKeyConfig> apiKeys();

    /** Where rate-limit state lives. */
    LimiterConfig limiter();

    /** Discovery of KServe InferenceServices through the Kubernetes API. */
    KserveConfig kserve();

    /** Largest request body accepted, in bytes; larger bodies get 413. */
    @WithDefault("8388608")
    @Min(1024)
    int maxRequestBytes();

    /** Largest non-streaming upstream response buffered for usage accounting, in bytes. */
    @WithDefault("67108864")
    @Min(1024)
    int maxResponseBytes();

    /**
     * Ask streaming upstreams for a usage chunk ({@code stream_options.include_usage}) even when
     * the client did not, so that every completed stream is accounted; the extra chunk is
     * removed before it reaches such clients.
     */
    @WithDefault("true")
    boolean injectStreamUsage();

    /** Write one structured (JSON) access-log line per request. */
    @WithDefault("true")
    boolean accessLog();

    /** Where access-log lines go: a file, appended to; standard output when absent. */
    Optional<java.nio.file.Path> accessLogFile();

    /** The protocol a backend speaks. */
    enum Protocol {
        /** OpenAI REST: the base URL ends before {@code /chat/completions}, e.g. {@code http://h/v1}. */
        OPENAI,
        /** Open Inference Protocol v2 (KServe v2): the base URL is the server root. */
        V2
    }

    /** One statically configured backend (a replica). */
    interface BackendConfig {
        /** Base URL: for OpenAI backends up to and including {@code /v1}; for v2 the server root. */
        @NotBlank
        String url();

        /** Served model names; when empty, OpenAI backends are asked ({@code GET /models}). */
        Optional<Set<String>> models();

        /** Wire protocol. */
        @WithDefault("openai")
        Protocol protocol();

        /** Bearer token sent upstream (never logged). */
        Optional<String> apiKey();

        /** Relative share of traffic within a pool. */
        @WithDefault("1")
        @Min(1)
        @Max(1000)
        int weight();

        /** Timeouts for this backend, overriding {@link RouterConfig#timeouts()}. */
        TimeoutOverrides timeouts();

        /** Path probed for readiness, relative to the base URL (default per protocol). */
        Optional<String> probePath();
    }

    /** Per-model settings. */
    interface ModelConfig {
        /** Timeouts for this model, overriding backend and default timeouts. */
        TimeoutOverrides timeouts();
    }

    /** Default timeouts. */
    interface TimeoutsConfig {
        /** TCP connect. */
        @WithDefault("2s")
        Duration connect();

        /** From the request sent to the first response byte (body for streams). */
        @WithDefault("120s")
        Duration firstByte();

        /** Longest silence between two upstream events or chunks once the response began. */
        @WithDefault("60s")
        Duration idle();

        /** Cap on the whole exchange; none by default, so long generations are never cut. */
        Optional<Duration> total();
    }

    /** Optional overrides of {@link TimeoutsConfig}. */
    interface TimeoutOverrides {
        Optional<Duration> connect();

        Optional<Duration> firstByte();

        Optional<Duration> idle();

        Optional<Duration> total();
    }

    /** Retry policy. */
    interface RetryConfig {
        /** Attempts in all, the first included. */
        @WithDefault("3")
        @Min(1)
        @Max(10)
        int maxAttempts();

        /** Base of the exponential backoff (full jitter). */
        @WithDefault("10ms")
        Duration backoffBase();

        /** Cap of one backoff sleep. */
        @WithDefault("500ms")
        Duration backoffMax();
    }

    /** Replica health. */
    interface HealthConfig {
        /** Consecutive failures (connect errors, 5xx, timeouts) that eject a replica. */
        @WithDefault("3")
        @Min(1)
        int ejectAfterFailures();

        /** First ejection length; doubles on each repeated ejection up to {@link #maxEjection()}. */
        @WithDefault("10s")
        Duration ejection();

        /** Longest ejection. */
        @WithDefault("5m")
        Duration maxEjection();

        /** Interval of the active readiness probe; 0 disables probing. */
        @WithDefault("10s")
        Duration probeInterval();

        /** Deadline of one probe. */
        @WithDefault("2s")
        Duration probeTimeout();
    }

    /** One API key. */
    interface ApiKeyConfig {
        /** SHA-256 of the key, hex, optionally prefixed {@code sha256:}; the key itself is never stored. */
        @NotBlank
        String hash();

        /** Models this key may use; {@code *} or empty means all. */
        Optional<List<String>> models();

        /** Requests per minute; absent means unlimited. */
        Optional<@Min(1) Long> requestsPerMinute();

        /** Prompt + completion tokens per minute; absent means unlimited. */
        Optional<@Min(1) Long> tokensPerMinute();
    }

    /** Rate-limiter state. */
    interface LimiterConfig {
        /** Redis URL (e.g. {@code redis://127.0.0.1:6379}) to share limits across replicas; in-process if absent. */
        Optional<String> redisUrl();

        /** Prefix of the Redis keys. */
        @WithDefault("ponte:rl:")
        String redisPrefix();

        /** Deadline of one Redis round trip. */
        @WithDefault("500ms")
        Duration timeout();

        /** When Redis cannot be reached: allow the request ({@code true}) or reject it with 503. */
        @WithDefault("true")
        boolean failOpen();
    }

    /** KServe discovery. */
    interface KserveConfig {
        /** Watch InferenceServices; needs a reachable Kubernetes API. */
        @WithDefault("false")
        boolean enabled();

        /** Namespaces to watch; empty means the client's current namespace. */
        Optional<List<String>> namespaces();

        /** Prefer the in-cluster {@code status.address.url} over the external {@code status.url}. */
        @WithDefault("true")
        boolean preferClusterAddress();

        /** Path appended to the ISVC URL for OpenAI-protocol predictors (KServe's vLLM/HF runtime). */
        @WithDefault("/openai/v1")
        String openaiPrefix();

        /** Weight given to discovered replicas. */
        @WithDefault("1")
        @Min(1)
        @Max(1000)
        int weight();

        /** Annotation names read from each InferenceService. */
        @WithParentName
        KserveAnnotations annotations();
    }

    /** Annotations that tune how one InferenceService is routed. */
    interface KserveAnnotations {
        /** Served model name (default: the ISVC name). */
        @WithDefault("ponte.io/model-name")
        String modelNameAnnotation();

        /** OpenAI path prefix override (e.g. {@code /v1}). */
        @WithDefault("ponte.io/openai-prefix")
        String prefixAnnotation();

        /** Protocol override: {@code openai} or {@code v2}. */
        @WithDefault("ponte.io/protocol")
        String protocolAnnotation();

        /** Weight override. */
        @WithDefault("ponte.io/weight")
        String weightAnnotation();
    }
}
