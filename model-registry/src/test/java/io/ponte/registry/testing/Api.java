package io.ponte.registry.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Small helpers for calling the registry in tests, every call checked against the contract. */
public final class Api {

    public static final String BASE = "/api/model_registry/v1alpha3";

    private Api() {}

    /** A request whose request and response are validated against the OpenAPI document. */
    public static RequestSpecification call() {
        return given().filter(Contract.strict()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request the contract may forbid (bad input on purpose); the response is still validated. */
    public static RequestSpecification badCall() {
        return given().filter(Contract.responsesOnly())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A name no other test uses, so tests share one database without seeing each other. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ValidatableResponse post(String path, Object body) {
        return call().body(body).post(BASE + path).then();
    }

    /** Creates an entity and returns its id; the contract answers 200 to POST /inference_services, 201 elsewhere. */
    public static String create(String path, Map<String, ?> body) {
        int expected = "/inference_services".equals(path) ? 200 : 201;
        return post(path, body).statusCode(expected).extract().path("id");
    }

    public static String registeredModel(String name) {
        return create("/registered_models", Map.of("name", name));
    }

    public static String version(String modelId, String name) {
        return create("/model_versions", Map.of("name", name, "registeredModelId", modelId));
    }

    public static Map<String, Object> stringProp(String value) {
        return Map.of("metadataType", "MetadataStringValue", "string_value", value);
    }

    public static Map<String, Object> doubleProp(double value) {
        return Map.of("metadataType", "MetadataDoubleValue", "double_value", value);
    }

    public static Map<String, Object> intProp(long value) {
        return Map.of("metadataType", "MetadataIntValue", "int_value", Long.toString(value));
    }
}
