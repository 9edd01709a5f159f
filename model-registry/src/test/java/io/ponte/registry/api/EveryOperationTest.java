package io.ponte.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ponte.registry.testing.Contract;
import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every operation the contract declares is served: called with an id that does not exist and an empty body, each
 * answers from its own handler (a 2xx, or a 400 / 404 problem about the request) and never the router's "no such
 * endpoint" or "method not allowed".
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class EveryOperationTest {

    private static final Set<String> METHODS = Set.of("get", "post", "patch");

    @Test
    void the_service_implements_every_operation_of_the_contract() throws IOException {
        Assumptions.assumeTrue(Contract.available(), "the contract is not readable at " + Contract.spec());
        JsonNode doc = new ObjectMapper(new YAMLFactory())
                .readTree(Contract.spec().orElseThrow().toFile());
        List<String> unserved = new ArrayList<>();
        int operations = 0;
        for (var path = doc.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            String url = entry.getKey().replaceAll("\\{[^}]+}", "999999999");
            for (var op = entry.getValue().fields(); op.hasNext(); ) {
                String method = op.next().getKey();
                if (!METHODS.contains(method)) {
                    continue;
                }
                operations++;
                var request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
                if (!method.equals("get")) {
                    request.body("{}");
                }
                var response = request.request(method.toUpperCase(), url);
                String code = response.getContentType().contains("json") ? response.path("code") : null;
                if (response.statusCode() == 405
                        || response.statusCode() >= 500
                        || "http-404".equals(code)
                        || "http-405".equals(code)) {
                    unserved.add(method.toUpperCase() + " " + entry.getKey() + " -> " + response.statusCode());
                }
            }
        }
        assertThat(operations).as("operations in the contract").isGreaterThanOrEqualTo(50);
        assertThat(unserved).as("operations the service does not serve").isEmpty();
    }
}
