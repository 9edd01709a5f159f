package io.ponte.cli.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a Quarkus service, run by the tests as a real child process: it listens on
 * {@code quarkus.http.port} and answers {@code /q/health/ready}. System properties make it
 * misbehave: {@code fake.unready} answers 503, {@code fake.crash} exits with code 3 before
 * listening, {@code fake.ignore-term} does not exit on SIGTERM.
 */
public final class FakeService {
    private FakeService() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("fake: pid " + ProcessHandle.current().pid());
        System.out.println("fake: config " + System.getProperty("quarkus.config.locations", "none"));
        if (Boolean.getBoolean("fake.crash")) {
            System.out.println("fake: crashing on purpose");
            System.exit(3);
        }
        int port = Integer.getInteger("quarkus.http.port");
        int status = Boolean.getBoolean("fake.unready") ? 503 : 200;
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body =
                    (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake: listening on " + port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("fake: stopping");
            if (Boolean.getBoolean("fake.ignore-term")) {
                sleepForever();
            }
            server.stop(0);
        }));
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
