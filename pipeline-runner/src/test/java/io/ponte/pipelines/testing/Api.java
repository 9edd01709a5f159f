package io.ponte.pipelines.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Calls of the runner's REST API that API tests share. */
public final class Api {

    public static final String BASE = "/apis/v2beta1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {}

    /** A test pipeline from {@code src/test/resources/api-pipelines}. */
    public static String pipeline(String name) {
        try (InputStream in = Api.class.getResourceAsStream("/api-pipelines/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test pipeline " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a create-run request. */
    public static ObjectNode runRequest(String spec, Map<String, Object> parameters) {
        ObjectNode body = JSON.createObjectNode();
        body.put("pipeline_spec", spec);
        body.putObject("runtime_config").set("parameters", JSON.valueToTree(parameters));
        return body;
    }

    /** Creates a run and answers its id. */
    public static String create(ObjectNode body) {
        return given().contentType(ContentType.JSON)
                .body(body.toString())
                .post(BASE + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("run_id");
    }

    public static JsonNode run(String id) {
        return json(given().get(BASE + "/runs/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** Waits until the run is in one of {@code states}, and answers it. */
    public static JsonNode awaitState(String id, Set<String> states) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> run(id), r -> states.contains(r.path("state").asText()));
    }

    /** The task with this path in a run answer. */
    public static JsonNode task(JsonNode run, String path) {
        for (JsonNode t : run.path("run_details").path("task_details")) {
            if (t.path("task_id").asText().equals(path)) {
                return t;
            }
        }
        throw new AssertionError("no task " + path + " in " + run.path("run_details"));
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
