package io.ponte.offload.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The pods' state on disk: each working directory holds the request ({@code pod.json}) and, once
 * submitted, the job id ({@code job.id}). This is all a restarted bridge needs to take its jobs
 * back.
 */
final class PodStore {
    private static final Logger LOG = Logger.getLogger(PodStore.class);

    private final Path root;
    private final ObjectMapper json;

    PodStore(Path root, ObjectMapper json) {
        this.root = root;
        this.json = json;
    }

    void saveRequest(PodDirectory dir, PodRequest request) {
        write(dir.request(), bytes(request));
    }

    void saveJobId(PodDirectory dir, String jobId) {
        write(dir.jobId(), (jobId + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void saveScript(PodDirectory dir, String script) {
        write(dir.script(), script.getBytes(StandardCharsets.UTF_8));
        dir.script().toFile().setExecutable(true, true);
    }

    /** The pod in {@code dir}, if it was submitted and not deleted. */
    Optional<PodRecord> load(PodDirectory dir) {
        if (!Files.exists(dir.request()) || Files.exists(dir.deletedMarker())) {
            return Optional.empty();
        }
        Optional<String> jobId = EpochFiles.text(dir.jobId());
        if (jobId.isEmpty()) {
            return Optional.empty();
        }
        try {
            PodRequest request = json.readValue(dir.request().toFile(), PodRequest.class);
            return Optional.of(record(request, dir, jobId.get()));
        } catch (IOException e) {
            LOG.warnf("cannot read %s: %s", dir.request(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Every pod directory under the root. */
    List<PodDirectory> directories() {
        List<PodDirectory> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            dirs.forEach(d -> out.add(new PodDirectory(d)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return out;
    }

    static PodRecord record(PodRequest request, PodDirectory dir, String jobId) {
        Pod pod = request.pod();
        Map<String, String> images = new LinkedHashMap<>();
        List<String> init = new ArrayList<>();
        for (Container c : EnvResolver.nullSafe(pod.getSpec().getInitContainers())) {
            init.add(c.getName());
            images.put(c.getName(), c.getImage());
        }
        List<String> main = new ArrayList<>();
        for (Container c : pod.getSpec().getContainers()) {
            main.add(c.getName());
            images.put(c.getName(), c.getImage());
        }
        return new PodRecord(
                pod.getMetadata().getUid(),
                pod.getMetadata().getNamespace(),
                pod.getMetadata().getName(),
                dir,
                jobId,
                List.copyOf(init),
                List.copyOf(main),
                Map.copyOf(images));
    }

    /**
     * Removes a pod directory. A job that is being stopped may still rename or create files in it
     * while we walk, so vanished entries are skipped and the sweep is repeated a few times; what
     * remains is left for the next scheduled removal.
     */
    static void removeTree(Path dir) {
        for (int sweep = 0; sweep < 3 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); sweep++) {
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // gone between listing and visiting
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path directory, IOException e) {
                        try {
                            Files.deleteIfExists(directory);
                        } catch (IOException refilled) {
                            // a dying process wrote into it meanwhile; the next sweep takes it
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                LOG.debugf("cannot remove %s: %s", dir, e.getMessage());
            }
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }
}
