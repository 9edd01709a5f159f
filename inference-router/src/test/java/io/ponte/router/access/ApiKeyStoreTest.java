package io.ponte.router.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.router.access.Authentication.Outcome;
import io.ponte.router.config.RouterConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {

    private static final String ALICE_KEY = "sk-alice-0123456789";
    private static final String BOB_KEY = "sk-bob-9876543210";

    record KeyConfig(
            String hash,
            Optional<List<String>> models,
            Optional<Long> requestsPerMinute,
            Optional<Long> tokensPerMinute)
            implements RouterConfig.ApiKeyConfig {

        static KeyConfig of(String hash) {
            return new KeyConfig(hash, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final ApiKeyStore store = new ApiKeyStore(Map.of(
            "alice",
            new KeyConfig(
                    "sha256:" + sha256(ALICE_KEY),
                    Optional.of(List.of("llama-3-8b", "mistral-7b")),
                    Optional.of(60L),
                    Optional.of(100_000L)),
            "bob",
            KeyConfig.of(sha256(BOB_KEY).toUpperCase())));

    @Test
    void the_right_key_yields_its_name_models_and_limits() {
        Authentication auth = store.authenticate("Bearer " + ALICE_KEY);

        assertThat(auth.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(auth.granted()).isTrue();
        assertThat(auth.reason()).isNull();
        assertThat(auth.key().name()).isEqualTo("alice");
        assertThat(auth.key().models()).containsExactlyInAnyOrder("llama-3-8b", "mistral-7b");
        assertThat(auth.key().requestsPerMinute()).isEqualTo(OptionalLong.of(60));
        assertThat(auth.key().tokensPerMinute()).isEqualTo(OptionalLong.of(100_000));
    }

    @Test
    void a_key_without_models_or_limits_may_use_everything() {
        ApiKey bob = store.authenticate("bearer   " + BOB_KEY + " ").key();

        assertThat(bob.name()).isEqualTo("bob");
        assertThat(bob.allows("anything")).isTrue();
        assertThat(bob.limited()).isFalse();
    }

    @Test
    void a_star_among_the_models_means_all() {
        ApiKeyStore withStar = new ApiKeyStore(Map.of(
                "carol",
                new KeyConfig(sha256("c"), Optional.of(List.of("a", "*")), Optional.empty(), Optional.empty())));

        assertThat(withStar.authenticate("Bearer c").key().models()).isEmpty();
    }

    @Test
    void an_unknown_key_is_invalid() {
        assertThat(store.authenticate("Bearer sk-mallory").outcome()).isEqualTo(Outcome.INVALID);
        assertThat(store.authenticate("Bearer " + ALICE_KEY + "x").reason()).isEqualTo("invalid");
        assertThat(store.authenticate("Bearer " + sha256(ALICE_KEY)).granted()).isFalse();
    }

    @Test
    void an_absent_or_malformed_header_is_missing() {
        for (String header :
                new String[] {null, "", "Bearer", "Bearer ", "Bearer    ", "Basic xyz", "Bearerxyz", "xyz"}) {
            Authentication auth = store.authenticate(header);
            assertThat(auth.outcome()).as("header [%s]", header).isEqualTo(Outcome.MISSING);
            assertThat(auth.reason()).isEqualTo("missing");
            assertThat(auth.key()).isNull();
        }
    }

    @Test
    void without_keys_the_router_is_open_to_anonymous_callers() {
        ApiKeyStore open = new ApiKeyStore(Map.of());

        assertThat(open.open()).isTrue();
        assertThat(open.authenticate(null).outcome()).isEqualTo(Outcome.OPEN);
        assertThat(open.authenticate("Bearer whatever").key()).isSameAs(ApiKey.ANONYMOUS);
        assertThat(store.open()).isFalse();
    }

    @Test
    void an_open_router_warns_loudly_at_start_up_and_a_closed_one_logs_no_hash() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(ApiKeyStore.class.getName());
        logger.addHandler(capture);
        try {
            new ApiKeyStore(Map.of()).warnWhenOpen(null);
            store.warnWhenOpen(null);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(records).hasSize(2);
        assertThat(records.get(0).getLevel().intValue()).isEqualTo(Level.WARNING.intValue());
        assertThat(records.get(0).getMessage())
                .contains("OPEN to anyone")
                .contains("ponte.router.api-keys.<name>.hash");
        assertThat(records.get(1).getLevel().intValue()).isLessThan(Level.WARNING.intValue());
        assertThat(records)
                .extracting(LogRecord::getMessage)
                .noneMatch(message -> message.contains(sha256(ALICE_KEY)) || message.contains(ALICE_KEY));
    }

    @Test
    void a_malformed_hash_fails_at_start_up_naming_the_key() {
        assertThatThrownBy(() -> new ApiKeyStore(Map.of("ci-bot", KeyConfig.of("sha256:abc123"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ponte.router.api-keys.ci-bot.hash")
                .hasMessageContaining("64 hex digits")
                .hasMessageNotContaining("abc123");
        assertThatThrownBy(() -> new ApiKeyStore(Map.of("ci-bot", KeyConfig.of("z".repeat(64)))))
                .hasMessageContaining("ci-bot")
                .hasMessageContaining("not all hex digits");
    }

    @Test
    void a_quota_below_one_fails_at_start_up_naming_the_key() {
        KeyConfig zero = new KeyConfig(sha256("k"), Optional.empty(), Optional.of(0L), Optional.empty());

        assertThatThrownBy(() -> new ApiKeyStore(Map.of("eve", zero)))
                .hasMessageContaining("ponte.router.api-keys.eve.requests-per-minute");
    }

    @Test
    void two_keys_with_one_hash_fail_at_start_up() {
        assertThatThrownBy(
                        () -> new ApiKeyStore(Map.of("a", KeyConfig.of(sha256("k")), "b", KeyConfig.of(sha256("k")))))
                .hasMessageContaining("ponte.router.api-keys.a")
                .hasMessageContaining(".b");
    }

    @Test
    void authenticating_many_keys_finds_each() {
        Map<String, KeyConfig> many = new java.util.HashMap<>();
        for (int i = 0; i < 500; i++) {
            many.put("key-" + i, KeyConfig.of(sha256("secret-" + i)));
        }
        ApiKeyStore big = new ApiKeyStore(many);

        for (int i = 0; i < 500; i++) {
            assertThat(big.authenticate("Bearer secret-" + i).key().name()).isEqualTo("key-" + i);
        }
        assertThat(big.authenticate("Bearer secret-500").outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void a_non_ascii_token_is_hashed_as_utf8() {
        ApiKeyStore unicode = new ApiKeyStore(Map.of("u", KeyConfig.of(sha256("clé-ünï"))));

        assertThat(unicode.authenticate("Bearer clé-ünï").granted()).isTrue();
    }

    static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
