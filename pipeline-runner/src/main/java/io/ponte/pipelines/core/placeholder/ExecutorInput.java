package io.ponte.pipelines.core.placeholder;

import java.util.List;
import java.util.Map;

/**
 * What one attempt of a container task is given, as KFP's {@code ExecutorInput}: its input values and
 * artifacts, where to write its outputs, and the system values ({@code pipeline_job_name}, ...).
 *
 * @param parameters the input parameter values that are present (absent optional inputs are left out)
 * @param artifacts the input artifacts that are present
 * @param outputParameterFiles where each output parameter is to be written
 * @param outputArtifacts the output artifacts to produce
 * @param outputFile where the task may write its ExecutorOutput JSON
 * @param system system placeholders by name, without the {@code $.} prefix: {@code pipeline_job_name},
 *     {@code pipeline_job_uuid}, {@code pipeline_task_name}, {@code pipeline_root}, ...
 */
public record ExecutorInput(
        Map<String, Object> parameters,
        Map<String, List<ArtifactValue>> artifacts,
        Map<String, String> outputParameterFiles,
        Map<String, ArtifactValue> outputArtifacts,
        String outputFile,
        Map<String, String> system) {}
