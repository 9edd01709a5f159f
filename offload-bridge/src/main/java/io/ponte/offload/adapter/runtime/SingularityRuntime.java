package io.ponte.offload.adapter.runtime;

import java.util.List;

/**
 * {@link ApptainerRuntime} for SingularityCE: the {@code singularity} command and {@code
 * SINGULARITYENV_} variables.
 */
public final class SingularityRuntime extends ApptainerRuntime {

    public SingularityRuntime(Options options) {
        super(options, "singularity", "SINGULARITYENV_");
    }

    /** {@code singularity} from PATH with {@code --cleanenv --no-home}. */
    public static Options defaults() {
        return new Options("singularity", List.of("--cleanenv", "--no-home"));
    }
}
