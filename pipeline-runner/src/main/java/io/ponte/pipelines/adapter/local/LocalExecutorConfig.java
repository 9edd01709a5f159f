package io.ponte.pipelines.adapter.local;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the local executor, under {@code ponte.pipelines.executors.local}. A config
 * group: the service's {@code @ConfigMapping} nests it; tests build it with {@code
 * SmallRyeConfigBuilder#withMapping}.
 *
 * <pre>
 * ponte.pipelines.executors.local.default-runtime=subprocess
 * ponte.pipelines.executors.local.images."python:3.11".runtime=bubblewrap
 * ponte.pipelines.executors.local.images."python:3.11".location=/srv/rootfs/bookworm-python
 * ponte.pipelines.executors.local.images."ghcr.io/acme/train:1".runtime=podman
 * ponte.pipelines.executors.local.images."ghcr.io/acme/train:1".location=localhost/acme-train:1
 * </pre>
 */
public interface LocalExecutorConfig {

    /**
     * The runtime for images the catalog does not list: {@code subprocess} (the image is not used,
     * the command runs on this host), {@code bubblewrap} or {@code podman}. Under the last two an
     * unlisted image fails the attempt at once, naming the image.
     */
    @WithDefault("subprocess")
    String defaultRuntime();

    /** The image catalog: image reference as written in the IR → where that image lives here. */
    Map<String, Image> images();

    /**
     * Names of the runner's environment variables that subprocess tasks inherit (the task's own
     * env is added after them). Nothing else leaks from the runner's environment.
     */
    @WithDefault("PATH,HOME,LANG,TMPDIR")
    List<String> inheritEnv();

    /** How long a cancelled or timed-out task gets between SIGTERM and SIGKILL. */
    @WithDefault("5s")
    Duration killGrace();

    /** How often an attempt re-attached after a restart (not a child of this runner) is checked. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** The bubblewrap executable. */
    @WithDefault("bwrap")
    String bubblewrapCommand();

    /** The podman executable. */
    @WithDefault("podman")
    String podmanCommand();

    /**
     * Options placed before {@code run}, e.g. {@code --runtime=runc}, {@code --root=DIR} (see
     * LOCAL-INFRA: crun fails on hybrid cgroup hosts, runc works).
     */
    Optional<List<String>> podmanGlobalOptions();

    /**
     * Extra {@code podman run} options, e.g. {@code --network=host}. The default keeps tasks off
     * the network (the default bridge needs firewall rights this host may not give).
     */
    @WithDefault("--network=none")
    List<String> podmanOptions();

    /** One image of the catalog. */
    interface Image {

        /** {@code subprocess}, {@code bubblewrap} or {@code podman}. */
        String runtime();

        /**
         * Its local form: a rootfs directory (bubblewrap), a local podman tag (podman), or {@code
         * host} (subprocess).
         */
        @WithDefault("host")
        String location();

        /** The image's ENTRYPOINT, used when the task sets no command. */
        Optional<List<String>> entrypoint();

        /**
         * A note when the local form is a stand-in for the real image (e.g. "Debian bookworm
         * rootfs standing in for python:3.11"); written at the top of the attempt's log.
         */
        Optional<String> standIn();
    }
}
