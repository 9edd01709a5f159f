package io.ponte.cli.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ports: parsing them, and the "is anybody listening there" check done before anything starts. */
public final class PortCheck {
    private PortCheck() {}

    /** Whether nothing listens on {@code port} on any local address. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What stands in the way of starting each service on its port: ports already in use and ports
     * given to two services. Each problem says how to choose another port. Empty when all is well.
     */
    public static List<String> problems(Map<ServiceSpec, Integer> ports) {
        List<String> problems = new ArrayList<>();
        Map<Integer, ServiceSpec> claimed = new HashMap<>();
        ports.forEach((service, port) -> {
            ServiceSpec other = claimed.putIfAbsent(port, service);
            if (other != null) {
                problems.add("port " + port + " is given to both " + other.name() + " and " + service.name() + "; "
                        + howToChange(service));
            } else if (!isFree(port)) {
                problems.add("port " + port + " for " + service.name() + " is already in use by another program; "
                        + "stop that program, or " + howToChange(service));
            }
        });
        return problems;
    }

    private static String howToChange(ServiceSpec service) {
        return "choose another port with --port-" + service.name() + "=PORT or " + service.portVariable() + "=PORT";
    }

    /** The port in {@code value}; {@code what} names where it came from in the error. */
    public static int parse(String value, String what) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw StackException.usage(what + " must be a TCP port between 1 and 65535, not '" + value + "'");
    }
}
