package io.ponte.pipelines.adapter.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads a big file in parts read straight from the file (each part re-readable for retries, none
 * held in memory). A failed upload is aborted so no orphaned parts stay behind.
 */
final class MultipartUpload {

    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private final S3Client s3;
    private final long partSize;

    MultipartUpload(S3Client s3, long partSize) {
        this.s3 = s3;
        this.partSize = partSize;
    }

    void upload(Path file, long size, S3Location target, Map<String, String> metadata) throws IOException {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(target.bucket())
                        .key(target.key())
                        .contentType("application/octet-stream")
                        .metadata(metadata))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long length = Math.min(partSize, size - offset);
                long from = offset;
                int partNumber = number;
                UploadPartResponse part = s3.uploadPart(
                        b -> b.bucket(target.bucket())
                                .key(target.key())
                                .uploadId(uploadId)
                                .partNumber(partNumber)
                                .contentLength(length),
                        RequestBody.fromContentProvider(
                                () -> {
                                    try {
                                        return FileSlice.open(file, from, length);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                },
                                length,
                                "application/octet-stream"));
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(part.eTag())
                        .build());
            }
            s3.completeMultipartUpload(b -> b.bucket(target.bucket())
                    .key(target.key())
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            abort(target, uploadId);
            throw e;
        } catch (UncheckedIOException e) {
            abort(target, uploadId);
            throw e.getCause();
        }
    }

    private void abort(S3Location target, String uploadId) {
        try {
            s3.abortMultipartUpload(
                    b -> b.bucket(target.bucket()).key(target.key()).uploadId(uploadId));
        } catch (SdkException ignored) {
            // the store may be gone; an incomplete upload expires by the bucket's lifecycle rules
        }
    }
}
