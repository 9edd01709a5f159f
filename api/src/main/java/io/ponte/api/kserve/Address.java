package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A Knative addressable: where a service or component is reached inside the cluster.
 *
 * @param url the cluster-local URL, such as {@code http://llm.ns.svc.cluster.local}
 * @param extra members not modelled here ({@code name}, {@code CACerts}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(
        String url, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Address {
        extra = Extras.copyOf(extra);
    }
}
