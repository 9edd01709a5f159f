package io.ponte.pipelines.core.engine;

import java.util.Optional;

/**
 * Where KFP components expect an artifact's files: the KFP SDK's executor (the code behind {@code
 * {{$}}}) and components that write to an artifact's {@code .uri} derive a local path from the URI,
 * {@code gs://b/k} → {@code /gcs/b/k}, {@code s3://b/k} → {@code /s3/b/k}, {@code minio://b/k} →
 * {@code /minio/b/k}, and expect the files there.
 */
final class UriPaths {

    private UriPaths() {}

    /** The local path KFP derives from {@code uri}; empty for schemes it derives none for. */
    static Optional<String> localPath(String uri) {
        for (String[] scheme : new String[][] {{"gs://", "/gcs/"}, {"s3://", "/s3/"}, {"minio://", "/minio/"}}) {
            if (uri.startsWith(scheme[0]) && uri.length() > scheme[0].length()) {
                String rest = uri.substring(scheme[0].length());
                if (rest.contains("..") || rest.startsWith("/")) {
                    return Optional.empty();
                }
                return Optional.of(scheme[1] + (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest));
            }
        }
        return Optional.empty();
    }
}
