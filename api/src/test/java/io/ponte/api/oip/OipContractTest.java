package io.ponte.api.oip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ponte.api.testing.ApiTypes;
import io.ponte.api.testing.Json;
import io.ponte.api.testing.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every Open Inference Protocol wire type's member names against {@code
 * open-inference-protocol-rest.yaml} in {@code ../shared/contracts}; skipped when that file is not
 * there.
 */
class OipContractTest {

    /** Each JSON-object wire type and the schemas it implements. */
    private static final Map<Class<?>, List<String>> SCHEMAS = Map.of(
            ServerMetadata.class, List.of("metadata_server_response"),
            ModelMetadata.class, List.of("metadata_model_response"),
            TensorMetadata.class, List.of("metadata_tensor"),
            InferenceRequest.class, List.of("inference_request"),
            Tensor.class, List.of("request_input", "response_output"),
            RequestedOutput.class, List.of("request_output"),
            InferenceResponse.class, List.of("inference_response"),
            InferenceError.class,
                    List.of(
                            "inference_error_response",
                            "metadata_model_error_response",
                            "metadata_server_error_response"));

    /** Bodies KServe servers send that the protocol leaves unspecified (it needs only the status). */
    private static final List<Class<?>> OUTSIDE_THE_SPEC = List.of(LiveResponse.class, ReadyResponse.class);

    private static OpenApiContract contract;

    @BeforeAll
    static void loadContract() {
        Optional<OpenApiContract> loaded = OpenApiContract.load("open-inference-protocol-rest.yaml");
        assumeTrue(loaded.isPresent(), "open-inference-protocol-rest.yaml is not readable under ponte.shared.dir");
        contract = loaded.get();
    }

    @Test
    void every_wire_type_uses_only_member_names_of_its_schemas_and_models_their_required_members() {
        List<String> problems = new ArrayList<>();
        SCHEMAS.forEach((type, paths) -> problems.addAll(contract.mismatches(Json.MAPPER, type, paths)));

        assertThat(problems).isEmpty();
    }

    @Test
    void every_json_object_type_of_the_package_is_checked() {
        List<Class<?>> expected = new ArrayList<>(SCHEMAS.keySet());
        expected.addAll(OUTSIDE_THE_SPEC);

        assertThat(ApiTypes.jsonObjectRecords(Json.MAPPER, InferenceRequest.class))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_misspelled_member_name_is_reported() {
        List<String> problems = contract.mismatches(Json.MAPPER, Misspelled.class, List.of("inference_response"));

        assertThat(problems)
                .containsExactly(
                        "Misspelled.model_nmae is not in [inference_response]",
                        "Misspelled lacks required model_name of [inference_response]");
    }

    /** A response type with a typo, to prove the check catches it. */
    record Misspelled(@JsonProperty("model_nmae") String modelName, List<Tensor> outputs) {}
}
