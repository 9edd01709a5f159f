package io.ponte.router.access;

import io.ponte.router.config.RouterConfig;
import io.ponte.router.config.RouterConfig.ApiKeyConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The configured API keys ({@code ponte.router.api-keys.<name>.*}), and who presents which. Keys are
 * configured as SHA-256 hashes; a presented bearer token is hashed and looked up, so neither keys
 * nor hashes are ever kept in clear or logged. Without any key configured the router is open.
 */
@Singleton
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);
    private static final String SHA256_PREFIX = "sha256:";
    private static final String BEARER = "Bearer";

    private final KeyIndex index;

    @Inject
    public ApiKeyStore(RouterConfig config) {
        this(config.apiKeys());
    }

    /**
     * @throws IllegalArgumentException naming the key when a hash is not 64 hex digits, two keys
     *     share a hash, or a quota is below 1
     */
    public ApiKeyStore(Map<String, ? extends ApiKeyConfig> keys) {
        List<KeyIndex.Entry> entries = new ArrayList<>();
        Map<String, String> nameByHash = new HashMap<>();
        new TreeMap<String, ApiKeyConfig>(keys).forEach((name, config) -> {
            byte[] hash = parseHash(name, config.hash());
            String other = nameByHash.putIfAbsent(HexFormat.of().formatHex(hash), name);
            if (other != null) {
                throw new IllegalArgumentException("ponte.router.api-keys." + other + " and ." + name
                        + " have the same hash; give each its own key");
            }
            entries.add(new KeyIndex.Entry(hash, Authentication.granted(toApiKey(name, config))));
        });
        index = new KeyIndex(entries);
    }

    /** Whether no keys are configured, so that every caller is {@link ApiKey#ANONYMOUS}. */
    public boolean open() {
        return index.isEmpty();
    }

    /**
     * Judges the value of a request's {@code Authorization} header (null when absent). Allocation
     * free for granted callers; safe to call on the event loop.
     */
    public Authentication authenticate(String authorization) {
        if (index.isEmpty()) {
            return Authentication.OPEN;
        }
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.charAt(BEARER.length()) != ' ') {
            return Authentication.MISSING;
        }
        int from = BEARER.length();
        int to = authorization.length();
        while (from < to && authorization.charAt(from) == ' ') {
            from++;
        }
        while (to > from && Character.isWhitespace(authorization.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return Authentication.MISSING;
        }
        Authentication found = index.find(Sha256.of(authorization, from, to));
        return found != null ? found : Authentication.INVALID;
    }

    void warnWhenOpen(@Observes StartupEvent event) {
        if (open()) {
            LOG.warn("No API keys are configured: the router is OPEN to anyone who can reach it."
                    + " To require keys, set ponte.router.api-keys.<name>.hash to the SHA-256 of each key"
                    + " (e.g. printf %s \"$KEY\" | sha256sum), optionally with .models,"
                    + " .requests-per-minute and .tokens-per-minute.");
        } else {
            LOG.infof("API keys required: %d configured", index.size());
        }
    }

    private static byte[] parseHash(String name, String configured) {
        String hex = configured.strip();
        if (hex.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
            hex = hex.substring(SHA256_PREFIX.length());
        }
        byte[] hash = Sha256.parseHex(hex);
        if (hash == null) {
            throw new IllegalArgumentException("ponte.router.api-keys." + name
                    + ".hash must be the SHA-256 of the key as 64 hex digits, optionally prefixed 'sha256:'"
                    + " (e.g. printf %s \"$KEY\" | sha256sum), but it has " + hex.length() + " characters"
                    + (hex.length() == 64 ? " that are not all hex digits" : ""));
        }
        return hash;
    }

    private static ApiKey toApiKey(String name, ApiKeyConfig config) {
        Set<String> models = config.models()
                .map(list -> list.stream()
                        .map(String::strip)
                        .filter(m -> !m.isEmpty())
                        .toList())
                .filter(list -> !list.contains("*"))
                .<Set<String>>map(Set::copyOf)
                .orElse(Set.of());
        return new ApiKey(
                name,
                models,
                quota(name, "requests-per-minute", config.requestsPerMinute()),
                quota(name, "tokens-per-minute", config.tokensPerMinute()));
    }

    private static OptionalLong quota(String name, String key, Optional<Long> configured) {
        if (configured.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = configured.get();
        if (value < 1) {
            throw new IllegalArgumentException("ponte.router.api-keys." + name + "." + key
                    + " must be at least 1 (leave it out for no limit), but it is " + value);
        }
        return OptionalLong.of(value);
    }
}
