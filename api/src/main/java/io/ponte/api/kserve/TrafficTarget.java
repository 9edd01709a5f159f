package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The share of a component's traffic that one Knative revision receives.
 *
 * @param tag the tag that gives this revision its own URL; optional
 * @param revisionName the revision
 * @param latestRevision whether this entry follows the latest ready revision
 * @param percent the share of traffic, 0–100
 * @param url the tagged URL; optional
 * @param extra members not modelled here ({@code configurationName}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficTarget(
        String tag,
        String revisionName,
        Boolean latestRevision,
        Long percent,
        String url,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public TrafficTarget {
        extra = Extras.copyOf(extra);
    }
}
