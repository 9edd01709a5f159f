package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.stringProp;
import static io.ponte.registry.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parallel PATCHes of one entity: optimistic locking, and no update lost. */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ConcurrentUpdateTest {

    private static final int WRITERS = 12;

    @Test
    void patches_of_different_fields_at_once_all_survive() throws Exception {
        String id = registeredModel(unique("busy"));
        List<Map<String, Object>> patches = List.of(
                Map.of("description", "d"),
                Map.of("owner", "o"),
                Map.of("readme", "r"),
                Map.of("maturity", "m"),
                Map.of("provider", "p"),
                Map.of("license", "l"),
                Map.of("licenseLink", "https://l"),
                Map.of("libraryName", "torch"),
                Map.of("logo", "https://logos.example/m.png"),
                Map.of("externalId", unique("x")),
                Map.of("tasks", List.of("classification")),
                Map.of("language", List.of("it")));

        runAll(patches.stream()
                .<Callable<Integer>>map(p -> () -> call().body(p)
                        .patch(BASE + "/registered_models/" + id)
                        .then()
                        .extract()
                        .statusCode())
                .toList());

        var model = call().get(BASE + "/registered_models/" + id)
                .then()
                .statusCode(200)
                .extract();
        for (Map<String, Object> p : patches) {
            String field = p.keySet().iterator().next();
            assertThat((Object) model.path(field)).as(field).isEqualTo(p.get(field));
        }
    }

    @Test
    void read_modify_write_with_if_match_loses_nothing() throws Exception {
        String id = registeredModel(unique("counter"));
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String key = "writer" + w;
            writers.add(() -> addPropertyWithRetry(id, key));
        }

        List<Integer> attempts = runAll(writers);

        Map<String, Object> props = call().get(BASE + "/registered_models/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("customProperties");
        assertThat(props).hasSize(WRITERS);
        assertThat(attempts.stream().mapToInt(Integer::intValue).sum())
                .as("some writers had to retry: the race was real")
                .isGreaterThanOrEqualTo(WRITERS);
    }

    @Test
    void a_stale_if_match_is_refused_with_412() {
        String id = registeredModel(unique("stale"));
        String etag =
                call().get(BASE + "/registered_models/" + id).then().extract().header("ETag");
        call().body(Map.of("description", "first"))
                .patch(BASE + "/registered_models/" + id)
                .then()
                .statusCode(200);

        // If-Match is Ponte's addition to the contract, which lists no 412: checked without the contract filter.
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("description", "second"))
                .patch(BASE + "/registered_models/" + id)
                .then()
                .statusCode(412)
                .body("field", equalTo("If-Match"));
        call().get(BASE + "/registered_models/" + id).then().body("description", equalTo("first"));
    }

    /** GET, add one property to what was read, PATCH with If-Match; on 412 read again. Returns the attempts. */
    private static int addPropertyWithRetry(String id, String key) {
        for (int attempt = 1; attempt <= 200; attempt++) {
            var read = call().get(BASE + "/registered_models/" + id)
                    .then()
                    .statusCode(200)
                    .extract();
            Map<String, Object> props = new HashMap<>(read.path("customProperties"));
            props.put(key, stringProp(key));
            int status = given().contentType(ContentType.JSON)
                    .header("If-Match", read.header("ETag"))
                    .body(Map.of("customProperties", props))
                    .patch(BASE + "/registered_models/" + id)
                    .then()
                    .extract()
                    .statusCode();
            if (status == 200) {
                return attempt;
            }
            assertThat(status).isEqualTo(412);
        }
        throw new AssertionError(key + " never got its update in");
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
