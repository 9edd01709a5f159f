package io.ponte.pipelines.adapter.messaging;

import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import io.smallrye.reactive.messaging.annotations.Broadcast;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes run and task changes as JSON ({@link EventMessages}) on the {@value #CHANNEL} channel.
 * In-process subscribers always get them ({@link RecentEvents}); a connector configured for the
 * channel also sends them out, e.g. {@code mp.messaging.outgoing.pipeline-events.connector=smallrye-rabbitmq}.
 * Never blocks the engine: events wait in a bounded buffer, and one that cannot be sent is logged
 * and dropped (the state itself is in the run store).
 */
@Singleton
class MessagingRunEvents implements RunEvents {

    static final String CHANNEL = "pipeline-events";
    private static final Logger LOG = Logger.getLogger(MessagingRunEvents.class);

    private final Emitter<String> emitter;
    private final Clock clock = Clock.systemUTC();

    MessagingRunEvents(
            @Channel(CHANNEL) @Broadcast @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    Emitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void runChanged(RunRecord run) {
        send(EventMessages.run(run, clock.instant()), "run " + run.id());
    }

    @Override
    public void taskChanged(TaskRecord task) {
        send(EventMessages.task(task, clock.instant()), "task " + task.taskPath() + " of run " + task.runId());
    }

    private void send(String event, String about) {
        try {
            emitter.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.warnf("event for %s not delivered: %s", about, failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("event for %s not published: %s", about, e.getMessage());
        }
    }
}
