package io.ponte.offload.vktest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs interLink's vk-test-set against any plugin URL and prints the results table.
 *
 * <pre>
 * VkTestMain --plugin-url http://127.0.0.1:4000 [--suite DIR] [--multiplier X] [--parallel N]
 *            [--status-period-ms MS] [--token TOKEN] [--only 000-hello-world,010-simple-python]
 * </pre>
 *
 * {@code --suite} defaults to {@code <ponte.shared.dir>/peer-suites/vk-test-set}, else the
 * {@code shared} directory beside the repository. The exit status
 * is 1 when a template failed, 2 on a usage or connection error.
 */
public final class VkTestMain {
    private VkTestMain() {}

    public static void main(String[] args) throws Exception {
        URI url = null;
        Path suite = defaultSuite();
        Optional<Double> multiplier = Optional.empty();
        int parallel = 2;
        Duration period = Duration.ofSeconds(1);
        Optional<String> token = Optional.empty();
        Predicate<String> only = id -> true;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--plugin-url" -> url = URI.create(value);
                case "--suite" -> suite = Path.of(value);
                case "--multiplier" -> multiplier = Optional.of(Double.parseDouble(value));
                case "--parallel" -> parallel = Integer.parseInt(value);
                case "--status-period-ms" -> period = Duration.ofMillis(Long.parseLong(value));
                case "--token" -> token = Optional.of(value);
                case "--only" -> {
                    Set<String> ids = Set.of(value.split(","));
                    only = ids::contains;
                }
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (url == null) {
            usage("--plugin-url is required");
        }
        List<TemplateResult> results;
        try {
            results = VkTestSuite.run(new VkTestSuite.Options(url, token, suite, multiplier, parallel, period, only));
        } catch (java.io.IOException e) {
            System.err.println("vk-test-set: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(ResultTable.markdown(results));
        boolean failed = results.stream().anyMatch(r -> r.result() == TemplateResult.Result.FAILED);
        System.exit(failed ? 1 : 0);
    }

    /** {@code <ponte.shared.dir>/peer-suites/vk-test-set}, else {@code ../shared/…} from the repository or the module. */
    private static Path defaultSuite() {
        String shared = System.getProperty("ponte.shared.dir");
        for (String dir : shared != null ? java.util.List.of(shared) : java.util.List.of("../shared", "../../shared")) {
            Path suite = Path.of(dir, "peer-suites", "vk-test-set");
            if (java.nio.file.Files.isDirectory(suite)) {
                return suite;
            }
        }
        return Path.of(shared != null ? shared : "../shared", "peer-suites", "vk-test-set");
    }

    private static void usage(String problem) {
        System.err.println("vk-test-set: " + problem);
        System.err.println("usage: VkTestMain --plugin-url URL [--suite DIR] [--multiplier X] [--parallel N]"
                + " [--status-period-ms MS] [--token TOKEN] [--only ID,ID]");
        System.exit(2);
    }
}
