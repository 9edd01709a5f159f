package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.Optional;

/**
 * A KServe {@code InferenceService} ({@code serving.kserve.io/v1beta1}, short name {@code isvc}),
 * for use with the fabric8 client: {@code client.resources(InferenceService.class)}.
 */
@Group(InferenceService.GROUP)
@Version(InferenceService.VERSION)
@Kind("InferenceService")
@Plural("inferenceservices")
@Singular("inferenceservice")
@ShortNames("isvc")
public class InferenceService extends CustomResource<InferenceServiceSpec, InferenceServiceStatus>
        implements Namespaced {

    /** The API group of KServe's serving resources. */
    public static final String GROUP = "serving.kserve.io";

    /** The API version modelled here. */
    public static final String VERSION = "v1beta1";

    /** A new resource {@code namespace/name} serving with {@code predictor}, without status. */
    public static InferenceService of(String namespace, String name, PredictorSpec predictor) {
        InferenceService isvc = new InferenceService();
        isvc.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        isvc.setSpec(InferenceServiceSpec.of(predictor));
        return isvc;
    }

    /** Whether KServe reports the service ready: its {@code Ready} condition is {@code True}. */
    @JsonIgnore
    public boolean isReady() {
        return getStatus() != null && getStatus().isReady();
    }

    /** The external URL ({@code status.url}), once KServe has set it. */
    @JsonIgnore
    public Optional<String> externalUrl() {
        return Optional.ofNullable(getStatus()).map(InferenceServiceStatus::url);
    }

    /**
     * The cluster-internal URL ({@code status.address.url}), which in-mesh callers such as the
     * router should use, once KServe has set it.
     */
    @JsonIgnore
    public Optional<String> internalUrl() {
        return Optional.ofNullable(getStatus())
                .map(InferenceServiceStatus::address)
                .map(Address::url);
    }
}
