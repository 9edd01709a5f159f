package io.ponte.offload.spi;

import java.nio.file.Path;

/**
 * A job a {@link JobScheduler} started.
 *
 * @param jobId the scheduler's id for it
 * @param podDir the pod's working directory, where the job script writes its results
 */
public record SubmittedJob(String jobId, Path podDir) {}
