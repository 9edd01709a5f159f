package io.ponte.pipelines.adapter.kubernetes;

import io.ponte.pipelines.spi.TaskLaunch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Kubernetes names and label values derived from a launch. */
final class Names {
    static final String RUN_ID = "ponte.io/run-id";
    static final String TASK = "ponte.io/task";
    static final String ATTEMPT = "ponte.io/attempt";
    static final String JOB_NAME = "ponte.io/job-name";
    static final String TASK_PATH = "ponte.io/task-path";
    static final String QUEUE_NAME = "kueue.x-k8s.io/queue-name";
    static final String PRIORITY_CLASS = "kueue.x-k8s.io/priority-class";
    static final String SLURM_FLAGS = "slurm-job.vk.io/flags";
    static final String INTERLINK_TAINT = "virtual-node.interlink/no-schedule";

    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern LABEL_KEY =
            Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private Names() {}

    /** {@code ponte-<task leaf>-<hash>-a<attempt>}: a DNS-1123 label of at most 63 characters. */
    static String jobName(TaskLaunch launch) {
        String path = launch.taskPath();
        String leaf = path.substring(path.lastIndexOf('/') + 1);
        String slug = dns(leaf, 30);
        String hash = hash(launch.runId() + "\n" + path);
        return "ponte-" + (slug.isEmpty() ? "" : slug + "-") + hash + "-a" + launch.attempt();
    }

    /** Lower-case letters, digits and dashes, starting and ending alphanumeric. */
    static String dns(String text, int max) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        if (s.length() > max) {
            s = s.substring(0, max);
        }
        return s.replaceAll("^-+|-+$", "");
    }

    static boolean validLabel(String key, String value) {
        return key.length() <= 316
                && LABEL_KEY.matcher(key).matches()
                && value.length() <= 63
                && LABEL_VALUE.matcher(value).matches();
    }

    /** A label value close to {@code text}: invalid characters become '-', cut to 63. */
    static String labelValue(String text) {
        String s = text.replaceAll("[^A-Za-z0-9_.-]+", "-");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        return s.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
