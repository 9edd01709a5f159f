package io.ponte.offload.vktest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Runs the vk-test-set against one plugin URL: a fresh mock API server with the required
 * namespaces and the virtual node, one {@link VirtualKubelet} in front of the plugin, and the
 * templates run {@code parallelism} at a time.
 */
final class VkTestSuite {

    /**
     * How to run.
     *
     * @param pluginUrl the plugin's base URL, e.g. {@code http://127.0.0.1:4000}
     * @param bearerToken sent as {@code Authorization: Bearer} when the plugin wants one
     * @param suiteDir the vk-test-set directory ({@code vktest_config.yaml}, {@code templates/})
     * @param timeoutMultiplier overrides the config's multiplier when present
     * @param parallelism templates run at the same time
     * @param statusPeriod how often each pod's status is asked for (the VK asks every 5 s)
     * @param templates which template ids to run
     */
    record Options(
            URI pluginUrl,
            Optional<String> bearerToken,
            Path suiteDir,
            Optional<Double> timeoutMultiplier,
            int parallelism,
            Duration statusPeriod,
            Predicate<String> templates) {}

    private VkTestSuite() {}

    static List<TemplateResult> run(Options options) throws IOException {
        VkTestConfig config = VkTestConfig.load(options.suiteDir().resolve("vktest_config.yaml"));
        if (options.timeoutMultiplier().isPresent()) {
            config = config.withTimeoutMultiplier(options.timeoutMultiplier().get());
        }
        List<VkTemplate> templates = VkTemplate.loadAll(options.suiteDir().resolve("templates")).stream()
                .filter(t -> options.templates().test(t.id()))
                .toList();
        PluginClient plugin = new PluginClient(options.pluginUrl(), options.bearerToken());
        PluginClient.Answer ping = plugin.ping();
        if (!ping.ok()) {
            throw new IOException(
                    "the plugin at " + options.pluginUrl() + " answered the ping (GET /status []) with HTTP "
                            + ping.status() + ": " + ping.body() + "; interLink would mark the virtual node NotReady");
        }
        List<TemplateResult> results = new ArrayList<>();
        try (ControlPlane cluster = ControlPlane.start(caCertificate())) {
            config.requiredNamespaces().forEach(cluster::ensureNamespace);
            for (String nodeName : config.targetNodes()) {
                try (VirtualKubelet kubelet =
                        new VirtualKubelet(cluster, plugin, cluster.ensureNode(nodeName), options.statusPeriod())) {
                    kubelet.start();
                    results.addAll(runAll(
                            templates,
                            new TemplateRun(cluster, kubelet, config, new NetworkProbe(Duration.ofSeconds(3))),
                            options.parallelism()));
                }
            }
        }
        return results;
    }

    private static List<TemplateResult> runAll(List<VkTemplate> templates, TemplateRun run, int parallelism)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<TemplateResult>> futures =
                    templates.stream().map(t -> pool.submit(() -> run.run(t))).toList();
            List<TemplateResult> out = new ArrayList<>();
            for (Future<TemplateResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("a template run crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The CA certificate the {@code kube-root-ca.crt} ConfigMaps carry (a test-only self-signed one). */
    static String caCertificate() throws IOException {
        try (InputStream in = VkTestSuite.class.getResourceAsStream("/vktest/kube-root-ca.crt")) {
            if (in == null) {
                throw new IOException("test resource vktest/kube-root-ca.crt is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
