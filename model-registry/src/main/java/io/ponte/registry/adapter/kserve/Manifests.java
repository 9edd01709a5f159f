package io.ponte.registry.adapter.kserve;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.ponte.api.kserve.Condition;
import io.ponte.api.kserve.InferenceService;
import io.ponte.api.kserve.InferenceServiceStatus;
import io.ponte.api.kserve.ModelFormat;
import io.ponte.api.kserve.ModelSpec;
import io.ponte.api.kserve.PredictorSpec;
import io.ponte.registry.core.ServingSpec;
import io.ponte.registry.core.ServingStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Between the registry's {@link ServingSpec} / {@link ServingStatus} and KServe's InferenceService. */
final class Manifests {

    static final String GPU = "nvidia.com/gpu";

    private Manifests() {}

    static InferenceService of(ServingSpec spec) {
        ModelSpec model = new ModelSpec(
                new ModelFormat(spec.modelFormat(), spec.modelFormatVersion().orElse(null)),
                spec.runtime().orElse(null),
                spec.storageUri(),
                null,
                resources(spec).orElse(null),
                null,
                null,
                null);
        List<Toleration> tolerations = spec.tolerateInterlink() ? List.of(interlinkToleration()) : null;
        PredictorSpec predictor = new PredictorSpec(
                model,
                null,
                spec.nodeSelector().isEmpty() ? null : spec.nodeSelector(),
                tolerations,
                null,
                spec.minReplicas().orElse(null),
                spec.maxReplicas().orElse(null),
                null,
                null);
        InferenceService isvc = InferenceService.of(spec.namespace(), spec.name(), predictor);
        isvc.getMetadata().setLabels(spec.labels());
        isvc.getMetadata().setAnnotations(spec.annotations().isEmpty() ? null : spec.annotations());
        return isvc;
    }

    static ServingStatus status(InferenceService isvc) {
        Optional<InferenceServiceStatus> status = Optional.ofNullable(isvc.getStatus());
        boolean ready = isvc.isReady();
        Optional<String> message = ready
                ? Optional.empty()
                : Optional.of(status.flatMap(s -> s.condition(InferenceServiceStatus.READY))
                        .map(Manifests::explain)
                        .orElse(status.isEmpty() ? "KServe has not reported a status yet" : "not ready"));
        return new ServingStatus(
                isvc.getMetadata().getNamespace(),
                isvc.getMetadata().getName(),
                labels(isvc),
                isvc.externalUrl().filter(u -> !u.isBlank()).or(isvc::internalUrl),
                ready,
                message);
    }

    static ServingStatus deleted(InferenceService isvc) {
        return new ServingStatus(
                isvc.getMetadata().getNamespace(),
                isvc.getMetadata().getName(),
                labels(isvc),
                Optional.empty(),
                false,
                Optional.of("the InferenceService was deleted"));
    }

    private static Optional<ResourceRequirements> resources(ServingSpec spec) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        spec.cpu().ifPresent(cpu -> {
            requests.put("cpu", new Quantity(cpu));
            limits.put("cpu", new Quantity(cpu));
        });
        spec.memory().ifPresent(memory -> {
            requests.put("memory", new Quantity(memory));
            limits.put("memory", new Quantity(memory));
        });
        spec.gpus().ifPresent(gpus -> limits.put(GPU, new Quantity(Integer.toString(gpus))));
        if (requests.isEmpty() && limits.isEmpty()) {
            return Optional.empty();
        }
        ResourceRequirements resources = new ResourceRequirements();
        resources.setRequests(requests.isEmpty() ? null : requests);
        resources.setLimits(limits);
        return Optional.of(resources);
    }

    private static Toleration interlinkToleration() {
        return new TolerationBuilder()
                .withKey(PredictorSpec.INTERLINK_TAINT_KEY)
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build();
    }

    private static String explain(Condition ready) {
        String reason = ready.reason() == null || ready.reason().isBlank() ? null : ready.reason();
        String message = ready.message() == null || ready.message().isBlank() ? null : ready.message();
        if (reason != null && message != null) {
            return reason + ": " + message;
        }
        return message != null ? message : reason != null ? reason : "Ready is " + ready.status();
    }

    private static Map<String, String> labels(InferenceService isvc) {
        Map<String, String> labels = isvc.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
