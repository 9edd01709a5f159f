package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A Knative-style status condition, as KServe reports them.
 *
 * @param type what the condition is about, such as {@code Ready}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param severity empty for conditions that decide readiness, {@code Warning} or {@code Info}
 *     otherwise
 * @param lastTransitionTime when the status last changed, RFC 3339
 * @param reason a one-word reason, when not {@code True}
 * @param message a human-readable explanation
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        String type,
        String status,
        String severity,
        String lastTransitionTime,
        String reason,
        String message,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Condition {
        extra = Extras.copyOf(extra);
    }

    /** Whether {@code status} is {@code True}. */
    @JsonIgnore
    public boolean isTrue() {
        return "True".equals(status);
    }
}
