package io.ponte.bench.offload;

import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** The bridge side: trivial pods created one after the other and polled, then 1,000 tracked pods. */
final class BridgeRun {
    private final BridgeClient client;
    private final long pollMs;
    private final List<BridgeClient.Pod> all = new CopyOnWriteArrayList<>();
    private final List<String> jobIds = new CopyOnWriteArrayList<>();

    BridgeRun(BridgeClient client, long pollMs) {
        this.client = client;
        this.pollMs = pollMs;
    }

    /** Creates {@code count} trivial pods and polls them (one batched /status per period) until all finished. */
    JsonObject trivialPods(int count) throws IOException, InterruptedException {
        Timeline timeline = new Timeline();
        List<BridgeClient.Pod> pods = new CopyOnWriteArrayList<>();
        Thread poller = Thread.ofPlatform().name("status-poller").start(() -> poll(pods, count, timeline));
        for (int i = 0; i < count; i++) {
            BridgeClient.Pod pod = BridgeClient.pod("trivial-" + i, List.of("true"));
            long asked = System.nanoTime();
            jobIds.add(client.create(pod));
            timeline.submitted(pod.uid(), asked, System.nanoTime());
            pods.add(pod);
            all.add(pod);
        }
        poller.join(TimeUnit.MINUTES.toMillis(15));
        poller.interrupt();
        return timeline.toJson();
    }

    /** One pod at a time on an idle node: create, poll it until it finished, then the next. */
    JsonObject sequential(int count) throws IOException, InterruptedException {
        Timeline timeline = new Timeline();
        for (int i = 0; i < count; i++) {
            BridgeClient.Pod pod = BridgeClient.pod("single-" + i, List.of("true"));
            long asked = System.nanoTime();
            jobIds.add(client.create(pod));
            timeline.submitted(pod.uid(), asked, System.nanoTime());
            all.add(pod);
            boolean done = false;
            while (!done) {
                Thread.sleep(pollMs);
                BridgeClient.Seen s = client.status(List.of(pod)).get(0);
                done = timeline.seen(s.uid(), s.started(), s.done(), System.nanoTime());
            }
        }
        return timeline.toJson();
    }

    private void poll(List<BridgeClient.Pod> pods, int count, Timeline timeline) {
        try {
            List<BridgeClient.Pod> open = new ArrayList<>();
            int taken = 0;
            while (true) {
                Thread.sleep(pollMs);
                while (taken < pods.size()) {
                    open.add(pods.get(taken++));
                }
                if (open.isEmpty()) {
                    if (taken == count) {
                        return;
                    }
                    continue;
                }
                List<BridgeClient.Seen> seen = client.status(open);
                long now = System.nanoTime();
                List<String> finished = new ArrayList<>();
                for (BridgeClient.Seen s : seen) {
                    if (timeline.seen(s.uid(), s.started(), s.done(), now)) {
                        finished.add(s.uid());
                    }
                }
                open.removeIf(p -> finished.contains(p.uid()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates long-running pods until {@code tracked} pods are tracked (they queue behind the node's CPUs). */
    JsonObject fillTo(int tracked) throws IOException {
        Histogram create = Latency.histogram();
        long t0 = System.nanoTime();
        int added = 0;
        while (all.size() < tracked) {
            BridgeClient.Pod pod = BridgeClient.pod("queued-" + all.size(), List.of("sleep", "600"));
            long a = System.nanoTime();
            jobIds.add(client.create(pod));
            create.recordValue(System.nanoTime() - a);
            all.add(pod);
            added++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new JsonObject()
                .put("created", added)
                .put("create", Latency.of(create).toJson())
                .put("creates_per_s", Latency.round(added / seconds));
    }

    /** /status latency with every pod tracked: one pod per request (as the virtual kubelet asks), and all at once. */
    JsonObject statusLatency(int singleRequests, int batchRequests) throws IOException {
        Random random = new Random(42);
        Histogram single = Latency.histogram();
        for (int i = 0; i < singleRequests; i++) {
            BridgeClient.Pod pod = all.get(random.nextInt(all.size()));
            long t0 = System.nanoTime();
            client.status(List.of(pod));
            single.recordValue(System.nanoTime() - t0);
        }
        Histogram batch = Latency.histogram();
        for (int i = 0; i < batchRequests; i++) {
            long t0 = System.nanoTime();
            List<BridgeClient.Seen> seen = client.status(all);
            batch.recordValue(System.nanoTime() - t0);
            if (seen.size() != all.size()) {
                throw new IllegalStateException("/status answered " + seen.size() + " of " + all.size() + " pods");
            }
        }
        return new JsonObject()
                .put("tracked", all.size())
                .put("one_pod", Latency.of(single).toJson())
                .put("all_pods", Latency.of(batch).toJson());
    }

    /** The Slurm job ids of every pod created so far. */
    List<String> jobIds() {
        return List.copyOf(jobIds);
    }

    /** Deletes every pod (cancelling the queued jobs). */
    JsonObject deleteAll() throws IOException {
        Histogram h = Latency.histogram();
        for (BridgeClient.Pod pod : all) {
            long t0 = System.nanoTime();
            client.delete(pod);
            h.recordValue(System.nanoTime() - t0);
        }
        int n = all.size();
        all.clear();
        return new JsonObject().put("deleted", n).put("delete", Latency.of(h).toJson());
    }
}
