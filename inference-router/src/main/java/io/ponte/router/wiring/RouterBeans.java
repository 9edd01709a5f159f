package io.ponte.router.wiring;

import io.ponte.router.config.RouterConfig;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.BackendSpec;
import io.ponte.router.core.PowerOfTwoChoices;
import io.ponte.router.core.TimeoutResolver;
import io.ponte.router.core.Timeouts;
import io.ponte.router.metrics.RouterMetrics;
import io.ponte.router.spi.BackendSelector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Set;
import org.jboss.logging.Logger;

/** Builds the core objects from configuration. */
@ApplicationScoped
class RouterBeans {

    private static final Logger LOG = Logger.getLogger(RouterBeans.class);

    @Produces
    @Singleton
    BackendSelector selector() {
        return new PowerOfTwoChoices();
    }

    /** The registry, holding the statically configured backends from the start. */
    @Produces
    @Singleton
    BackendRegistry registry(RouterConfig config, RouterMetrics metrics) {
        Timeouts defaults = TimeoutResolver.defaults(config.timeouts());
        BackendRegistry registry = new BackendRegistry();
        config.backends().forEach((name, backend) -> {
            URI url = parse(name, backend.url());
            registry.put(new BackendSpec(
                    name,
                    "static",
                    url,
                    backend.protocol(),
                    backend.models().orElse(Set.of()),
                    backend.apiKey(),
                    backend.weight(),
                    TimeoutResolver.apply(defaults, backend.timeouts()),
                    backend.probePath().orElse(BackendSpec.defaultProbePath(backend.protocol()))));
            LOG.infof(
                    "Static backend %s at %s (%s) serving %s",
                    name,
                    url,
                    backend.protocol(),
                    backend.models().map(Object::toString).orElse("the models it lists"));
        });
        metrics.track(registry);
        return registry;
    }

    private static URI parse(String name, String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "ponte.router.backends." + name + ".url is not a valid http(s) URL: '" + url + "' ("
                            + e.getMessage() + ")",
                    e);
        }
    }
}
