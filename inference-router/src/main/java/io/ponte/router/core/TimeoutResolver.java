package io.ponte.router.core;

import io.ponte.router.config.RouterConfig;
import io.ponte.router.config.RouterConfig.TimeoutOverrides;
import java.util.Map;

/** Works out the timeouts of one attempt: defaults, then the backend's, then the model's. */
public final class TimeoutResolver {

    private final Map<String, TimeoutOverrides> byModel;

    public TimeoutResolver(Map<String, TimeoutOverrides> byModel) {
        this.byModel = Map.copyOf(byModel);
    }

    /** Default timeouts with the configured defaults. */
    public static Timeouts defaults(RouterConfig.TimeoutsConfig config) {
        return new Timeouts(
                config.connect(),
                config.firstByte(),
                config.idle(),
                config.total().orElse(null));
    }

    /** Applies the overrides a config block carries. */
    public static Timeouts apply(Timeouts base, TimeoutOverrides o) {
        return base.overriddenBy(o.connect(), o.firstByte(), o.idle(), o.total());
    }

    public Timeouts resolve(String model, Replica replica) {
        Timeouts backend = replica.spec().timeouts();
        TimeoutOverrides model0 = byModel.get(model);
        return model0 == null ? backend : apply(backend, model0);
    }
}
