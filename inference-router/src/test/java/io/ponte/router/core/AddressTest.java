package io.ponte.router.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void takes_a_base_url_apart_with_scheme_default_ports_and_no_trailing_slash() {
        assertThat(Address.of(URI.create("http://10.0.0.7:8000/openai/v1/")))
                .isEqualTo(new Address("10.0.0.7", 8000, false, "/openai/v1"));
        assertThat(Address.of(URI.create("https://llm.example.org/v1")))
                .isEqualTo(new Address("llm.example.org", 443, true, "/v1"));
        assertThat(Address.of(URI.create("http://predictor.ml.svc")))
                .isEqualTo(new Address("predictor.ml.svc", 80, false, ""));
    }
}
