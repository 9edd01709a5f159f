package io.ponte.pipelines.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the runner under test at the test S3 API ({@link S3Service}) instead of starting its own. */
public class PipelinesS3 implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        S3Service.Endpoint s3 = S3Service.endpoint();
        return Map.of(
                "ponte.pipelines.s3.endpoint", s3.uri().toString(),
                "ponte.pipelines.s3.access-key-id", s3.accessKeyId(),
                "ponte.pipelines.s3.secret-access-key", s3.secretAccessKey());
    }

    @Override
    public void stop() {
        // shared by every test of the JVM; stopped when it exits
    }
}
