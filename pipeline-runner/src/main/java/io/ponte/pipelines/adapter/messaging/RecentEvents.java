package io.ponte.pipelines.adapter.messaging;

import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The in-process subscriber of {@value MessagingRunEvents#CHANNEL}: keeps the latest events. */
@Singleton
public class RecentEvents {

    private static final int KEEP = 1000;

    private final Deque<String> recent = new ArrayDeque<>();

    @Incoming(MessagingRunEvents.CHANNEL)
    void receive(String event) {
        synchronized (recent) {
            recent.addLast(event);
            while (recent.size() > KEEP) {
                recent.removeFirst();
            }
        }
    }

    /** The latest events (JSON text), oldest first. */
    public List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
