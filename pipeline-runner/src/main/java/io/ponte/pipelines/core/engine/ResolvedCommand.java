package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.placeholder.ExecutorInput;
import io.ponte.pipelines.core.placeholder.PlaceholderException;
import io.ponte.pipelines.core.placeholder.Placeholders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's command, args and environment with every placeholder resolved.
 *
 * @param command the resolved command
 * @param args the resolved args
 * @param env the resolved environment, in IR order
 */
record ResolvedCommand(List<String> command, List<String> args, Map<String, String> env) {

    static ResolvedCommand of(ExecutorIr.Container container, ExecutorInput input) throws LaunchFailure {
        try {
            Map<String, String> env = new LinkedHashMap<>();
            for (var e : container.env().entrySet()) {
                env.put(e.getKey(), Placeholders.resolveString(e.getValue(), input));
            }
            return new ResolvedCommand(
                    Placeholders.resolve(container.command(), input),
                    Placeholders.resolve(container.args(), input),
                    env);
        } catch (PlaceholderException e) {
            throw new LaunchFailure("cannot resolve the command: " + e.getMessage(), e);
        }
    }

    /**
     * The attempt's cache key: the command resolved against stable stand-ins for run-specific paths
     * and URIs, and content hashes for input artifacts.
     */
    static CacheKeys.Key cacheKey(
            LaunchRequest req,
            StagedInputs inputs,
            StagedOutputs outputs,
            Map<String, String> system,
            Map<String, String> env)
            throws LaunchFailure {
        ExecutorInput sym = new ExecutorInput(
                req.inputs(),
                inputs.symbolic(),
                outputs.symbolicFiles(),
                outputs.symbolicArtifacts(),
                "<output_file>",
                SystemValues.symbolic(system));
        try {
            return CacheKeys.of(
                    req.container().image(),
                    Placeholders.resolve(req.container().command(), sym),
                    Placeholders.resolve(req.container().args(), sym),
                    env,
                    req.container().resources(),
                    req.inputs(),
                    inputs.hashes());
        } catch (PlaceholderException e) {
            throw new LaunchFailure("cannot resolve the command: " + e.getMessage(), e);
        }
    }
}
