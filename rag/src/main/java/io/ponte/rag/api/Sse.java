package io.ponte.rag.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes server-sent events, each flushed on its own. */
final class Sse {

    private final OutputStream out;

    Sse(OutputStream out) {
        this.out = out;
    }

    void event(String name, String data) {
        StringBuilder b = new StringBuilder();
        if (name != null) {
            b.append("event: ").append(name).append('\n');
        }
        for (String line : data.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        b.append('\n');
        write(b.toString());
    }

    void data(String data) {
        event(null, data);
    }

    private void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }
}
