package io.ponte.registry.adapter.messaging;

import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The in-process subscriber of registry events: keeps the latest ones for {@code GET /api/ponte/v1/events}. */
@Singleton
public class EventLog {

    private static final int KEEP = 500;

    private final Deque<String> recent = new ArrayDeque<>();

    @Incoming(MessagingEvents.CHANNEL)
    void receive(String event) {
        synchronized (recent) {
            recent.addLast(event);
            while (recent.size() > KEEP) {
                recent.removeFirst();
            }
        }
    }

    /** The latest events as JSON text, oldest first. */
    public List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
