package io.ponte.registry.adapter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.registry.core.RegistryEvent;
import io.ponte.registry.spi.RegistryEvents;
import io.smallrye.reactive.messaging.annotations.Broadcast;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes registry events as JSON on the {@value #CHANNEL} channel. In-process subscribers always get them
 * ({@link EventLog}); configuring a connector for the channel (RabbitMQ, Kafka, AMQP) also sends them out, e.g.
 * {@code mp.messaging.outgoing.model-events.connector=smallrye-rabbitmq}.
 */
@Singleton
class MessagingEvents implements RegistryEvents {

    static final String CHANNEL = "model-events";
    private static final Logger LOG = Logger.getLogger(MessagingEvents.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    MessagingEvents(
            @Channel(CHANNEL) @Broadcast @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    Emitter<String> emitter,
            ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    @Override
    public void publish(RegistryEvent event) {
        try {
            emitter.send(json.writeValueAsString(event)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf(
                            "event %s for model version %d not delivered: %s",
                            event.type(), event.modelVersionId(), failure.getMessage());
                }
            });
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf(
                    "event %s for model version %d not published: %s",
                    event.type(), event.modelVersionId(), e.getMessage());
        }
    }
}
