package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.cli.testing.FakeServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelsListCommandTest {
    private static final String MODELS = "/api/model_registry/v1alpha3/registered_models";
    private static final String PAGE_ONE = """
            {"items":[{"id":"1","name":"llama","state":"LIVE","owner":"ana",
                       "createTimeSinceEpoch":"1700000000000","lastUpdateTimeSinceEpoch":"1700000000000",
                       "customProperties":{}}],
             "nextPageToken":"page-2","pageSize":1,"size":1}""";
    private static final String PAGE_TWO = """
            {"items":[{"id":"2","name":"mistral","state":"ARCHIVED",
                       "lastUpdateTimeSinceEpoch":"1700000123456","customProperties":{}}],
             "nextPageToken":"","pageSize":1,"size":1}""";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer registry = FakeServer.start();

    @Test
    void follows_the_next_page_token_until_the_last_page() {
        registry.answer("GET", MODELS, 200, PAGE_ONE).answer("GET", MODELS, 200, PAGE_TWO);

        TestStack.Result list = ponte("models", "list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        List<FakeServer.Request> requests = registry.requests("GET", MODELS);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).query()).doesNotContainKey("nextPageToken");
        assertThat(requests.get(1).query()).containsEntry("nextPageToken", "page-2");
        assertThat(list.out().lines())
                .containsExactly(
                        "ID  NAME     STATE     OWNER  UPDATED",
                        "1   llama    LIVE      ana    2023-11-14T22:13:20Z",
                        "2   mistral  ARCHIVED  -      2023-11-14T22:15:23Z");
    }

    @Test
    void sends_the_filter_and_page_size_and_stops_at_the_limit() {
        registry.answer("GET", MODELS, 200, PAGE_ONE).answer("GET", MODELS, 200, PAGE_TWO);

        TestStack.Result list =
                ponte("models", "list", "--filter", "state = 'LIVE'", "--page-size", "1", "--limit", "1");

        assertThat(list.exitCode()).as(list.err()).isZero();
        FakeServer.Request request = registry.request("GET", MODELS);
        assertThat(request.query())
                .containsEntry("filterQuery", "state = 'LIVE'")
                .containsEntry("pageSize", "1");
        assertThat(list.out()).contains("llama").doesNotContain("mistral").contains("(more models:");
    }

    @Test
    void json_prints_the_models_of_every_page_as_one_list() throws Exception {
        registry.answer("GET", MODELS, 200, PAGE_ONE).answer("GET", MODELS, 200, PAGE_TWO);

        TestStack.Result list = ponte("models", "list", "--json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        Map<String, Object> json = new ObjectMapper().readValue(list.out(), new TypeReference<>() {});
        assertThat(json).containsKey("items").containsEntry("size", 2);
        assertThat((List<?>) json.get("items"))
                .<Object>extracting(item -> ((Map<?, ?>) item).get("name"))
                .containsExactly("llama", "mistral");
    }

    @Test
    void json_is_indented_by_two_spaces_with_every_member_and_element_on_its_own_line() {
        registry.answer("GET", MODELS, 200, """
                {"items":[{"id":"1","name":"llama","tags":[],"customProperties":{},
                           "metrics":{"accuracy":0.93,"epochs":12,"quantized":true,"license":null}}],
                 "nextPageToken":""}""");

        TestStack.Result list = ponte("models", "list", "--json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("""
                {
                  "items": [
                    {
                      "id": "1",
                      "name": "llama",
                      "tags": [],
                      "customProperties": {},
                      "metrics": {
                        "accuracy": 0.93,
                        "epochs": 12,
                        "quantized": true,
                        "license": null
                      }
                    }
                  ],
                  "size": 1
                }""" + System.lineSeparator());
    }

    @Test
    void an_empty_registry_says_so() {
        registry.answer("GET", MODELS, 200, """
                {"items":[],"nextPageToken":"","pageSize":100,"size":0}""");

        assertThat(ponte("models", "list").out()).isEqualTo("No registered models." + System.lineSeparator());
    }

    @Test
    void a_page_size_below_one_is_a_usage_error_and_asks_nothing() {
        TestStack.Result list = ponte("models", "list", "--page-size", "0");

        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("--page-size must be 1 or more");
        assertThat(registry.requests()).isEmpty();
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_REGISTRY_URL", registry.url())).ponte(args);
    }
}
