package io.ponte.cli;

import io.ponte.cli.stack.HealthProbe;
import io.ponte.cli.stack.ServiceSpec;

/** How a running service's addresses are printed. */
final class Urls {
    private Urls() {}

    /** {@code inference-router  http://127.0.0.1:8080/v1  (health /q/health, metrics /q/metrics)} */
    static String line(ServiceSpec service, int port, int nameWidth) {
        String extras = ServiceSpec.QUARKUS_READY_PATH.equals(service.readyPath())
                ? "(health /q/health, metrics /q/metrics)"
                : "(ready " + service.readyPath() + ")";
        return String.format("%-" + nameWidth + "s  %s  %s", service.name(), api(service, port), extras);
    }

    /** The service's API URL on this machine. */
    static String api(ServiceSpec service, int port) {
        return HealthProbe.baseUrl(port) + service.apiPath();
    }
}
