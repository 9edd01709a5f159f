package io.ponte.registry.events;

import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static io.ponte.registry.testing.Api.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the RabbitMQ connector configured, registry events leave the process: a queue bound to the exchange
 * receives "model version registered" with the ids of what was registered.
 */
@QuarkusTest
@QuarkusTestResource(value = RegistryDatabase.class, restrictToAnnotatedClass = true)
@TestProfile(RabbitMqEventsTest.ToRabbitMq.class)
class RabbitMqEventsTest {

    private static final String EXCHANGE = "ponte.registry.test";
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static Vertx vertx;
    private static RabbitMQClient client;

    /** The same channel, now with the RabbitMQ connector: the production configuration. */
    public static class ToRabbitMq implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.model-events.connector", "smallrye-rabbitmq",
                    "mp.messaging.outgoing.model-events.exchange.name", EXCHANGE,
                    "mp.messaging.outgoing.model-events.exchange.type", "fanout",
                    "rabbitmq-host", "127.0.0.1",
                    "rabbitmq-port", "5672",
                    "rabbitmq-username", "guest",
                    "rabbitmq-password", "guest");
        }
    }

    @BeforeAll
    static void listen() throws Exception {
        Assumptions.assumeTrue(answers(), "no RabbitMQ on 127.0.0.1:5672 (bash .ci/run starts one)");
        vertx = Vertx.vertx();
        client = RabbitMQClient.create(
                vertx,
                new RabbitMQOptions()
                        .setHost("127.0.0.1")
                        .setPort(5672)
                        .setUser("guest")
                        .setPassword("guest"));
        client.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.exchangeDeclare(EXCHANGE, "fanout", true, false)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        String queue = client.queueDeclare("", false, true, true)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .getQueue();
        client.queueBind(queue, EXCHANGE, "")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        ObjectMapper json = new ObjectMapper();
        client.basicConsumer(queue)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .handler(message -> {
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
    void a_registered_version_is_announced_on_the_exchange() {
        String model = registeredModel(unique("announced"));
        String version = version(model, "v1");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(RECEIVED).anySatisfy(e -> {
                    assertThat(e.path("type").asText()).isEqualTo("MODEL_VERSION_REGISTERED");
                    assertThat(e.path("modelVersionId").asText()).isEqualTo(version);
                    assertThat(e.path("registeredModelId").asText()).isEqualTo(model);
                }));
    }

    private static boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
