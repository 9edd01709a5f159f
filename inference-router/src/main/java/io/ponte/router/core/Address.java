package io.ponte.router.core;

import java.net.URI;

/**
 * Where a replica listens, taken apart once from its base URL so that requests do not parse it.
 *
 * @param host host name or address
 * @param port TCP port (the scheme's default when the URL has none)
 * @param tls whether the scheme is https
 * @param basePath the URL's path without a trailing slash ({@code /v1}, or empty)
 */
public record Address(String host, int port, boolean tls, String basePath) {

    public static Address of(URI base) {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Address(base.getHost(), port, tls, path);
    }
}
