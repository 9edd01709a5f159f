package io.ponte.router.access;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A caller's identity and allowances, resolved from a bearer token.
 *
 * @param name the key's configured name (what metrics and logs show; never the secret)
 * @param models models it may use; empty means all
 * @param requestsPerMinute request quota, if any
 * @param tokensPerMinute token quota (prompt + completion), if any
 */
public record ApiKey(String name, Set<String> models, OptionalLong requestsPerMinute, OptionalLong tokensPerMinute) {

    /** The identity of every caller when the router runs without keys. */
    public static final ApiKey ANONYMOUS =
            new ApiKey("anonymous", Set.of(), OptionalLong.empty(), OptionalLong.empty());

    public ApiKey {
        models = Set.copyOf(models);
    }

    public boolean allows(String model) {
        return models.isEmpty() || models.contains(model);
    }

    public boolean limited() {
        return requestsPerMinute.isPresent() || tokensPerMinute.isPresent();
    }
}
