package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec.predictor.model} of an {@link InferenceService}: what to serve and with which
 * serving runtime, plus the container settings KServe merges into the runtime's container.
 *
 * @param modelFormat the format, such as {@code huggingface} or {@code pytorch}
 * @param runtime the {@code ServingRuntime} to use; KServe picks one for the format when absent
 * @param storageUri where the model lives ({@code s3://…}, {@code hf://…}, {@code pvc://…})
 * @param protocolVersion {@code v1}, {@code v2} or {@code grpc-v2}
 * @param resources CPU, memory and GPU requests and limits
 * @param args extra arguments for the runtime, such as vLLM flags
 * @param env extra environment variables
 * @param extra members not modelled here (image, ports, volumeMounts, runtimeVersion, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        ModelFormat modelFormat,
        String runtime,
        String storageUri,
        String protocolVersion,
        ResourceRequirements resources,
        List<String> args,
        List<EnvVar> env,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ModelSpec {
        extra = Extras.copyOf(extra);
    }

    /** A model of format {@code formatName} at {@code storageUri}. */
    public static ModelSpec of(String formatName, String storageUri) {
        return new ModelSpec(new ModelFormat(formatName, null), null, storageUri, null, null, null, null, null);
    }

    /** This model served by the runtime {@code newRuntime}. */
    public ModelSpec withRuntime(String newRuntime) {
        return new ModelSpec(modelFormat, newRuntime, storageUri, protocolVersion, resources, args, env, extra);
    }

    /** This model speaking {@code newProtocolVersion}. */
    public ModelSpec withProtocolVersion(String newProtocolVersion) {
        return new ModelSpec(modelFormat, runtime, storageUri, newProtocolVersion, resources, args, env, extra);
    }

    /** This model with {@code newResources}. */
    public ModelSpec withResources(ResourceRequirements newResources) {
        return new ModelSpec(modelFormat, runtime, storageUri, protocolVersion, newResources, args, env, extra);
    }

    /** This model with runtime arguments {@code newArgs}. */
    public ModelSpec withArgs(List<String> newArgs) {
        return new ModelSpec(modelFormat, runtime, storageUri, protocolVersion, resources, newArgs, env, extra);
    }

    /** This model with environment {@code newEnv}. */
    public ModelSpec withEnv(List<EnvVar> newEnv) {
        return new ModelSpec(modelFormat, runtime, storageUri, protocolVersion, resources, args, newEnv, extra);
    }
}
