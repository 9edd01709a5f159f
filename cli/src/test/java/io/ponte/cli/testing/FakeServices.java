package io.ponte.cli.testing;

import io.ponte.cli.stack.Launch;
import io.ponte.cli.stack.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Catalogue entries that launch {@link FakeService} from the test classes on a free port. */
public final class FakeServices {
    private FakeServices() {}

    /** A well-behaved fake service on a free port. */
    public static ServiceSpec healthy(String name) {
        return withProperties(name, Map.of());
    }

    /** A fake service with extra system properties (see {@link FakeService}). */
    public static ServiceSpec withProperties(String name, Map<String, String> properties) {
        return on(name, freePort(), properties);
    }

    /** A fake service on the given port. */
    public static ServiceSpec on(String name, int port, Map<String, String> properties) {
        return new ServiceSpec(
                name,
                Optional.empty(),
                List.of(),
                new Launch.MainClass(testClasses(), FakeService.class.getName()),
                port,
                portVariable(name),
                "/v1",
                ServiceSpec.QUARKUS_READY_PATH,
                List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx32m"),
                properties,
                Map.of());
    }

    /** {@code PONTE_<NAME>_PORT}. */
    public static String portVariable(String name) {
        return "PONTE_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** A port nobody listened on a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(FakeService.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
