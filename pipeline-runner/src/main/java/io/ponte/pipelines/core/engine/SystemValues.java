package io.ponte.pipelines.core.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** The system placeholders of an attempt ({@code {{$.pipeline_job_name}}}, ...), by name. */
final class SystemValues {

    private SystemValues() {}

    static Map<String, String> of(LaunchRequest req) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("pipeline_job_name", req.run().displayName());
        s.put("pipeline_job_resource_name", req.run().runId());
        s.put("pipeline_job_uuid", req.run().runId());
        s.put("pipeline_task_name", req.taskName());
        s.put("pipeline_task_uuid", req.run().runId() + "/" + req.path());
        s.put("pipeline_root", req.run().pipelineRoot());
        s.put("pipeline_job_create_time_utc", req.run().createdAt().toString());
        s.put("pipeline_job_schedule_time_utc", req.run().createdAt().toString());
        return s;
    }

    /** The same names with stable stand-in values, for the cache key. */
    static Map<String, String> symbolic(Map<String, String> system) {
        Map<String, String> out = new LinkedHashMap<>();
        system.keySet().forEach(k -> out.put(k, "<" + k + ">"));
        return out;
    }
}
