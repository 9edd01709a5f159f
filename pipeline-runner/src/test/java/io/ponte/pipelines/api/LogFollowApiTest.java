package io.ponte.pipelines.api;

import static io.ponte.pipelines.testing.Api.BASE;
import static io.ponte.pipelines.testing.Api.awaitState;
import static io.ponte.pipelines.testing.Api.create;
import static io.ponte.pipelines.testing.Api.pipeline;
import static io.ponte.pipelines.testing.Api.run;
import static io.ponte.pipelines.testing.Api.runRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.testing.PipelinesDatabase;
import io.ponte.pipelines.testing.PipelinesS3;
import io.ponte.pipelines.testing.RunnerProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A log followed while its task runs: lines arrive before the task ends, the stream ends with it. */
@QuarkusTest
@QuarkusTestResource(value = PipelinesDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PipelinesS3.class, restrictToAnnotatedClass = true)
@TestProfile(RunnerProfile.class)
class LogFollowApiTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void a_followed_log_streams_while_the_task_runs_and_ends_when_it_ends() throws Exception {
        String id = create(runRequest(pipeline("slow.yaml"), Map.of()));
        awaitState(id, Set.of("RUNNING"));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest follow = HttpRequest.newBuilder(URI.create(base.toString())
                        .resolve(BASE.substring(1) + "/runs/" + id + "/tasks/root/nap/logs?follow=true"))
                .timeout(Duration.ofSeconds(60))
                .build();

        HttpResponse<InputStream> response = http.send(follow, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            while (line != null && !line.equals("nap started")) {
                line = lines.readLine();
            }
            assertThat(line).isEqualTo("nap started");
            assertThat(run(id).path("state").asText())
                    .as("the line came while the task ran")
                    .isEqualTo("RUNNING");

            given().post(BASE + "/runs/" + id + ":terminate").then().statusCode(200);
            String rest;
            do {
                rest = lines.readLine();
            } while (rest != null);
        }
        assertThat(awaitState(id, Set.of("CANCELED")).path("state").asText()).isEqualTo("CANCELED");
    }
}
