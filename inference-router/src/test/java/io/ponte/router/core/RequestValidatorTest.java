package io.ponte.router.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private final RequestValidator validator = new RequestValidator(new ObjectMapper(), true);

    @Test
    void forwards_the_clients_own_bytes_when_nothing_needs_injecting() {
        byte[] body = bytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"x-extra\":1}");

        ProxyRequest request = validator.validate(Endpoint.CHAT, body);

        assertThat(request.model()).isEqualTo("m");
        assertThat(request.stream()).isFalse();
        assertThat(request.upstreamBody()).isSameAs(body);
    }

    @Test
    void injects_include_usage_into_streams_and_remembers_the_client_did_not_ask() {
        ProxyRequest request = validator.validate(
                Endpoint.CHAT,
                bytes("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

        assertThat(new String(request.upstreamBody(), StandardCharsets.UTF_8))
                .contains("\"stream_options\":{\"include_usage\":true}");
        assertThat(request.stripUsageChunk()).isTrue();
    }

    @Test
    void keeps_the_usage_chunk_for_a_client_that_asked_for_it() {
        ProxyRequest request = validator.validate(
                Endpoint.COMPLETIONS,
                bytes(
                        "{\"model\":\"m\",\"prompt\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}"));

        assertThat(request.stripUsageChunk()).isFalse();
    }

    @Test
    void names_the_field_with_the_wrong_type() {
        assertThatThrownBy(() -> validator.validate(
                        Endpoint.CHAT,
                        bytes("{\"model\":\"m\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\"}]}")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'stream'")
                .hasMessageContaining("expected a boolean, got a string")
                .extracting(e -> ((InvalidRequestException) e).param())
                .isEqualTo("stream");
        assertThatThrownBy(() -> validator.validate(
                        Endpoint.CHAT,
                        bytes("{\"model\":\"m\",\"max_tokens\":1.5,\"messages\":[{\"role\":\"user\"}]}")))
                .extracting(e -> ((InvalidRequestException) e).param())
                .isEqualTo("max_tokens");
        assertThatThrownBy(() -> validator.validate(
                        Endpoint.CHAT, bytes("{\"model\":\"m\",\"messages\":[{\"content\":\"x\"}]}")))
                .extracting(e -> ((InvalidRequestException) e).param())
                .isEqualTo("messages[0].role");
    }

    @Test
    void names_missing_required_fields() {
        assertThatThrownBy(() -> validator.validate(Endpoint.CHAT, bytes("{\"messages\":[]}")))
                .extracting(e -> ((InvalidRequestException) e).param())
                .isEqualTo("model");
        assertThatThrownBy(() -> validator.validate(Endpoint.EMBEDDINGS, bytes("{\"model\":\"m\"}")))
                .extracting(e -> ((InvalidRequestException) e).param())
                .isEqualTo("input");
        assertThatThrownBy(() -> validator.validate(Endpoint.CHAT, bytes("{\"model\":\"m\",\"messages\":[]}")))
                .hasMessageContaining("at least one message");
    }

    @Test
    void refuses_malformed_json_and_non_objects_with_a_position() {
        assertThatThrownBy(() -> validator.validate(Endpoint.CHAT, bytes("{\"model\": \"m\",")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> validator.validate(Endpoint.CHAT, bytes("[1,2]")))
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> validator.validate(Endpoint.CHAT, bytes(""))).hasMessageContaining("empty");
    }

    @Test
    void refuses_stream_on_embeddings() {
        assertThatThrownBy(() -> validator.validate(
                        Endpoint.EMBEDDINGS, bytes("{\"model\":\"m\",\"input\":\"x\",\"stream\":true}")))
                .extracting(e -> ((InvalidRequestException) e).param())
                .isEqualTo("stream");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
