package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec.predictor} of an {@link InferenceService}: the model to serve, or custom
 * containers, plus the pod placement and scaling KServe applies to the predictor.
 *
 * @param model the model and the runtime that serves it
 * @param containers custom containers, instead of {@code model}
 * @param nodeSelector node labels the predictor pods require
 * @param tolerations taints the predictor pods tolerate
 * @param serviceAccountName the service account of the pods, for storage credentials
 * @param minReplicas the fewest replicas; {@code 0} lets the predictor scale to zero
 * @param maxReplicas the most replicas
 * @param timeout the request timeout in seconds
 * @param extra members not modelled here (affinity, volumes, scaleTarget, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PredictorSpec(
        ModelSpec model,
        List<Container> containers,
        Map<String, String> nodeSelector,
        List<Toleration> tolerations,
        String serviceAccountName,
        Integer minReplicas,
        Integer maxReplicas,
        Long timeout,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The taint interLink puts on its virtual nodes so that only willing pods land there. */
    public static final String INTERLINK_TAINT_KEY = "virtual-node.interlink/no-schedule";

    /** The node label that pins a pod to one node. */
    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    public PredictorSpec {
        extra = Extras.copyOf(extra);
    }

    /** A predictor serving {@code model} with KServe's defaults for everything else. */
    public static PredictorSpec of(ModelSpec model) {
        return new PredictorSpec(model, null, null, null, null, null, null, null, null);
    }

    /** This predictor with {@code min}–{@code max} replicas. */
    public PredictorSpec withReplicas(int min, int max) {
        return new PredictorSpec(
                model, containers, nodeSelector, tolerations, serviceAccountName, min, max, timeout, extra);
    }

    /** This predictor placed with {@code newNodeSelector} and {@code newTolerations}. */
    public PredictorSpec withPlacement(Map<String, String> newNodeSelector, List<Toleration> newTolerations) {
        return new PredictorSpec(
                model,
                containers,
                newNodeSelector,
                newTolerations,
                serviceAccountName,
                minReplicas,
                maxReplicas,
                timeout,
                extra);
    }

    /**
     * This predictor pinned to the interLink virtual node {@code nodeName}, tolerating its taint, so
     * that its pods run on the remote site behind that node.
     */
    public PredictorSpec onInterLinkNode(String nodeName) {
        Toleration toleration = new TolerationBuilder()
                .withKey(INTERLINK_TAINT_KEY)
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build();
        return withPlacement(Map.of(HOSTNAME_LABEL, nodeName), List.of(toleration));
    }
}
