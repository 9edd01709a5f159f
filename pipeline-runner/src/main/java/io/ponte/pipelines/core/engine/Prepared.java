package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.placeholder.ArtifactValue;
import io.ponte.pipelines.spi.TaskLaunch;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** An attempt staged on this host, ready to start. */
record Prepared(
        LaunchRequest request,
        TaskLaunch launch,
        Map<String, String> outputParameterFiles,
        Map<String, ArtifactValue> outputArtifacts,
        Path outputFile,
        Optional<CacheKeys.Key> cacheKey) {}
