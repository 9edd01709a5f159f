package io.ponte.router.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.config.RouterConfig.Protocol;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PowerOfTwoChoicesTest {

    private final PowerOfTwoChoices selector = new PowerOfTwoChoices();

    @Test
    void routes_to_the_least_loaded_of_two_replicas() {
        Replica busy = replica("busy", 1);
        Replica idle = replica("idle", 1);
        for (int i = 0; i < 5; i++) {
            busy.acquire();
        }
        Pool pool = new Pool("m", List.of(busy, idle));

        for (int i = 0; i < 100; i++) {
            assertThat(selector.choose(pool, Set.of())).contains(idle);
        }
    }

    @Test
    void splits_an_idle_pool_by_weight() {
        Replica heavy = replica("heavy", 3);
        Replica light = replica("light", 1);
        Pool pool = new Pool("m", List.of(heavy, light));
        Map<String, Integer> counts = new HashMap<>();

        for (int i = 0; i < 8000; i++) {
            counts.merge(selector.choose(pool, Set.of()).orElseThrow().name(), 1, Integer::sum);
        }

        double share = counts.get("heavy") / 8000.0;
        assertThat(share).isBetween(0.70, 0.80);
    }

    @Test
    void avoids_replicas_already_tried_and_ejected_ones_while_others_remain() {
        Replica tried = replica("tried", 1);
        Replica ejected = replica("ejected", 1);
        Replica fresh = replica("fresh", 1);
        ejected.outlier().failure(System.nanoTime(), 1, Duration.ofMinutes(1), Duration.ofMinutes(1));
        Pool pool = new Pool("m", List.of(tried, ejected, fresh));

        for (int i = 0; i < 50; i++) {
            assertThat(selector.choose(pool, Set.of(tried))).contains(fresh);
        }
    }

    @Test
    void falls_back_to_an_ejected_replica_rather_than_failing() {
        Replica only = replica("only", 1);
        only.outlier().failure(System.nanoTime(), 1, Duration.ofMinutes(1), Duration.ofMinutes(1));

        assertThat(selector.choose(new Pool("m", List.of(only)), Set.of())).contains(only);
        assertThat(selector.choose(new Pool("m", List.of()), Set.of())).isEmpty();
    }

    static Replica replica(String name, int weight) {
        Timeouts t = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), null);
        return new Replica(new BackendSpec(
                name,
                "static",
                URI.create("http://127.0.0.1:1/v1"),
                Protocol.OPENAI,
                Set.of("m"),
                Optional.empty(),
                weight,
                t,
                "/models"));
    }
}
