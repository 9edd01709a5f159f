package io.ponte.offload.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ponte.offload.testing.RawHttp;
import io.ponte.offload.testing.TestPods;
import io.ponte.offload.testing.WireBodies;
import io.ponte.offload.testing.WireFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** getLogs with the kubelet's options, and Follow streaming while the container runs. */
@QuarkusTest
class LogsApiTest {

    @TestHTTPResource("/")
    URI base;

    @TempDir
    Path temp;

    @Test
    void follow_streams_lines_as_the_container_writes_them_and_ends_with_it() throws Exception {
        Path release = temp.resolve("release");
        String uid = WireFixtures.uid();
        create(uid, "follow", "echo one; while [ ! -e " + release + " ]; do sleep 0.1; done; echo two; printf tail");

        HttpResponse<InputStream> response =
                RawHttp.stream(base.resolve("/getLogs"), WireBodies.logs(uid, "follow", "main", "{\"Follow\":true}"));
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("one"); // arrives while the container still runs
            Files.writeString(release, "");
            assertThat(reader.readLine()).isEqualTo("two");
            assertThat(reader.readLine()).isEqualTo("tail"); // the last partial line, once the container ended
            assertThat(reader.readLine()).isNull(); // and the stream ends with the container
        }
    }

    @Test
    void tail_limit_bytes_and_timestamps_follow_the_kubelet() {
        String uid = WireFixtures.uid();
        create(uid, "opts", "for i in 1 2 3 4 5; do echo line$i; done");
        PluginApiTest.awaitTerminated(uid, "opts");

        assertThat(logs(uid, "opts", "{\"Tail\":2}")).isEqualTo("line4\nline5\n");
        assertThat(logs(uid, "opts", "{\"LimitBytes\":8}")).isEqualTo("line1\nli");
        assertThat(logs(uid, "opts", "{\"Bytes\":6}")).isEqualTo("line1\n");
        String stamped = logs(uid, "opts", "{\"Timestamps\":true,\"Tail\":1}");
        assertThat(stamped).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z line5\n");
        Instant lineTime = Instant.parse(stamped.substring(0, stamped.indexOf(' ')));
        assertThat(lineTime).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void since_time_keeps_only_lines_written_after_it() throws Exception {
        Path release = temp.resolve("go");
        String uid = WireFixtures.uid();
        create(uid, "since", "echo early; while [ ! -e " + release + " ]; do sleep 0.1; done; echo late");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> logs(uid, "since", "{}").equals("early\n"));
        Instant cut = Instant.now();
        Thread.sleep(20); // the cut must lie strictly between the two lines
        Files.writeString(release, "");
        PluginApiTest.awaitTerminated(uid, "since");

        assertThat(logs(uid, "since", "{\"SinceTime\":\"" + cut + "\"}")).isEqualTo("late\n");
        assertThat(logs(uid, "since", "{\"SinceSeconds\":3600}")).isEqualTo("early\nlate\n");
    }

    @Test
    void init_container_logs_are_asked_for_by_name() {
        String uid = WireFixtures.uid();
        given().body(WireBodies.create(WireBodies.pod(
                        uid,
                        "inits",
                        List.of(TestPods.sh("prepare", "echo preparing")),
                        List.of(TestPods.sh("main", "echo main")),
                        java.util.Map.of())))
                .post("/create")
                .then()
                .statusCode(200);
        PluginApiTest.awaitTerminated(uid, "inits");

        assertThat(logs(uid, "inits", "{}", "prepare")).isEqualTo("preparing\n");
        assertThat(logs(uid, "inits", "{}", "main")).isEqualTo("main\n");
        given().body(WireBodies.logs(uid, "inits", "nope", "{}"))
                .get("/getLogs")
                .then()
                .statusCode(404);
        given().body(WireBodies.logs(uid, "inits", "main", "{\"Previous\":true}"))
                .get("/getLogs")
                .then()
                .statusCode(422);
    }

    private static void create(String uid, String name, String script) {
        given().body(WireBodies.create(WireBodies.pod(uid, name, List.of(TestPods.sh("main", script)))))
                .post("/create")
                .then()
                .statusCode(200);
    }

    private static String logs(String uid, String name, String opts) {
        return logs(uid, name, opts, "main");
    }

    private static String logs(String uid, String name, String opts, String container) {
        return given().body(WireBodies.logs(uid, name, container, opts))
                .get("/getLogs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
