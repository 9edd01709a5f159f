package io.ponte.pipelines.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import io.ponte.pipelines.testing.PipelinesDatabase;
import io.ponte.pipelines.testing.RunnerProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the RabbitMQ connector on {@code pipeline-events}, run and task changes leave the process: a
 * queue bound to the exchange on the real broker (127.0.0.1:5672) receives them, and the in-process
 * subscriber still gets them too.
 */
@QuarkusTest
@QuarkusTestResource(value = PipelinesDatabase.class, restrictToAnnotatedClass = true)
@TestProfile(RabbitMqRunEventsTest.ToRabbitMq.class)
class RabbitMqRunEventsTest {

    private static final String EXCHANGE = "ponte.pipelines.test";
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static Vertx vertx;

    /** The production wiring: the same channel with the RabbitMQ connector. */
    public static class ToRabbitMq extends RunnerProfile {
        @Override
        protected Map<String, String> more() {
            return Map.of(
                    "mp.messaging.outgoing.pipeline-events.connector", "smallrye-rabbitmq",
                    "mp.messaging.outgoing.pipeline-events.exchange.name", EXCHANGE,
                    "mp.messaging.outgoing.pipeline-events.exchange.type", "fanout",
                    "rabbitmq-host", "127.0.0.1",
                    "rabbitmq-port", "5672",
                    "rabbitmq-username", "guest",
                    "rabbitmq-password", "guest");
        }
    }

    @Inject
    RunEvents events;

    @Inject
    RecentEvents recent;

    @BeforeAll
    static void listen() throws Exception {
        Assumptions.assumeTrue(brokerAnswers(), "no RabbitMQ on 127.0.0.1:5672 (.ci/run starts one)");
        vertx = Vertx.vertx();
        RabbitMQClient client = RabbitMQClient.create(
                vertx,
                new RabbitMQOptions()
                        .setHost("127.0.0.1")
                        .setPort(5672)
                        .setUser("guest")
                        .setPassword("guest"));
        done(client.start().toCompletionStage());
        done(client.exchangeDeclare(EXCHANGE, "fanout", true, false).toCompletionStage());
        String queue = done(client.queueDeclare("", false, true, true).toCompletionStage())
                .getQueue();
        done(client.queueBind(queue, EXCHANGE, "").toCompletionStage());
        ObjectMapper json = new ObjectMapper();
        done(client.basicConsumer(queue).toCompletionStage()).handler(message -> {
            try {
                RECEIVED.add(json.readTree(message.body().getBytes()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void run_and_task_changes_reach_a_queue_bound_to_the_exchange() {
        String runId = UUID.randomUUID().toString();
        RunRecord run = new RunRecord(
                runId,
                "nightly",
                "train-pipeline",
                "{}",
                Map.of(),
                "s3://ponte-pipelines/runs",
                true,
                RunState.RUNNING,
                Optional.empty(),
                Instant.now(),
                Optional.empty(),
                1);
        TaskRecord task = new TaskRecord(
                runId,
                "root/train",
                "train",
                TaskState.CACHED,
                0,
                Map.of(),
                Map.of(),
                Map.of(),
                Optional.of("k"),
                Optional.of("cache hit from run r0"),
                Optional.of("local"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                2);

        events.runChanged(run);
        events.taskChanged(task);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(RECEIVED).anySatisfy(e -> {
                assertThat(e.path("type").asText()).isEqualTo("RUN_CHANGED");
                assertThat(e.path("runId").asText()).isEqualTo(runId);
                assertThat(e.path("state").asText()).isEqualTo("RUNNING");
                assertThat(e.path("pipelineName").asText()).isEqualTo("train-pipeline");
            });
            assertThat(RECEIVED).anySatisfy(e -> {
                assertThat(e.path("type").asText()).isEqualTo("TASK_CHANGED");
                assertThat(e.path("runId").asText()).isEqualTo(runId);
                assertThat(e.path("taskPath").asText()).isEqualTo("root/train");
                assertThat(e.path("state").asText()).isEqualTo("CACHED");
                assertThat(e.path("statusDetail").asText()).isEqualTo("cache hit from run r0");
            });
        });
        assertThat(recent.recent()).anyMatch(e -> e.contains(runId) && e.contains("TASK_CHANGED"));
    }

    private static <T> T done(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static boolean brokerAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
