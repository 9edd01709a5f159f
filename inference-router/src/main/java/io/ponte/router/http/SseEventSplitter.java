package io.ponte.router.http;

import java.io.ByteArrayOutputStream;

/**
 * Cuts a server-sent-event byte stream into whole events, each with its terminating blank line,
 * byte for byte as received. Chunks may split an event anywhere or hold several; a trailing partial
 * event stays pending until its end arrives (or {@link #remainder()} is asked for it).
 *
 * <p>Events are handed on as ranges of an array that is never written again, so the consumer may
 * wrap them for writing without copying.
 */
final class SseEventSplitter {

    /** Receives one complete event: {@code length} bytes of {@code data} from {@code offset}. */
    interface EventSink {
        void accept(byte[] data, int offset, int length);
    }

    private final EventSink onEvent;
    private byte[] pending = new byte[0];

    SseEventSplitter(EventSink onEvent) {
        this.onEvent = onEvent;
    }

    /** Feeds the next chunk; complete events are handed on in order. */
    void feed(byte[] chunk) {
        byte[] data = pending.length == 0 ? chunk : concat(pending, chunk);
        int start = 0;
        int searchFrom = pending.length == 0 ? 0 : Math.max(0, pending.length - 3);
        int end;
        while ((end = eventEnd(data, Math.max(start, searchFrom))) > 0) {
            onEvent.accept(data, start, end - start);
            start = end;
            searchFrom = start;
        }
        if (start == data.length) {
            pending = new byte[0];
        } else {
            byte[] rest = new byte[data.length - start];
            System.arraycopy(data, start, rest, 0, rest.length);
            pending = rest;
        }
    }

    /** Bytes of an event that has not ended yet. */
    byte[] remainder() {
        return pending;
    }

    /** Index just past the first blank line (LF LF, CR LF CR LF or CR CR) at or after {@code from}, or -1. */
    private static int eventEnd(byte[] d, int from) {
        for (int i = from; i < d.length - 1; i++) {
            byte b = d[i];
            if (b == '\n' && d[i + 1] == '\n') {
                return i + 2;
            }
            if (b == '\r') {
                if (d[i + 1] == '\r') {
                    return i + 2;
                }
                if (i + 3 < d.length && d[i + 1] == '\n' && d[i + 2] == '\r' && d[i + 3] == '\n') {
                    return i + 4;
                }
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
