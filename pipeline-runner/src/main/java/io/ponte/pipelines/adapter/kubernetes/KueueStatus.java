package io.ponte.pipelines.adapter.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Says where a suspended Job stands with Kueue: its Workload's {@code QuotaReserved} / {@code
 * Admitted} conditions, and while pending its position, from Kueue's visibility API ({@code
 * visibility.kueue.x-k8s.io/v1beta1 …/localqueues/Q/pendingworkloads}) or, where that API is not
 * served, the LocalQueue's {@code status.pendingWorkloads} count.
 */
final class KueueStatus {
    static final ResourceDefinitionContext WORKLOAD = context("Workload", "workloads");
    static final ResourceDefinitionContext LOCAL_QUEUE = context("LocalQueue", "localqueues");
    static final String JOB_UID = "kueue.x-k8s.io/job-uid";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;

    KueueStatus(KubernetesClient client) {
        this.client = client;
    }

    String describe(Job job) {
        String ns = job.getMetadata().getNamespace();
        String queue = job.getMetadata().getLabels().getOrDefault(Names.QUEUE_NAME, "?");
        Optional<JsonNode> workload = workload(job).map(w -> JSON.valueToTree(w));
        if (workload.isEmpty()) {
            return "Kueue: no Workload for Job " + job.getMetadata().getName() + " yet (LocalQueue " + queue
                    + "; is Kueue running and the queue defined?)";
        }
        JsonNode w = workload.get();
        String clusterQueue = w.at("/status/admission/clusterQueue").asText("");
        if (isTrue(w, "Admitted")) {
            return "Kueue: admitted by ClusterQueue " + clusterQueue + flavors(w);
        }
        if (isTrue(w, "QuotaReserved")) {
            return "Kueue: quota reserved in ClusterQueue " + clusterQueue + flavors(w)
                    + ", waiting for admission checks";
        }
        String why = condition(w, "QuotaReserved")
                .map(c -> c.path("message").asText(""))
                .orElse("");
        return "Kueue: pending in LocalQueue " + queue
                + position(ns, queue, w.at("/metadata/name").asText()) + (why.isEmpty() ? "" : " (" + why + ")");
    }

    private Optional<GenericKubernetesResource> workload(Job job) {
        String ns = job.getMetadata().getNamespace();
        String uid = job.getMetadata().getUid();
        try {
            var byLabel = client.genericKubernetesResources(WORKLOAD)
                    .inNamespace(ns)
                    .withLabel(JOB_UID, uid)
                    .list()
                    .getItems();
            if (!byLabel.isEmpty()) {
                return Optional.of(byLabel.get(0));
            }
            return client.genericKubernetesResources(WORKLOAD).inNamespace(ns).list().getItems().stream()
                    .filter(w -> w.getMetadata().getOwnerReferences().stream()
                            .anyMatch(o -> uid != null && uid.equals(o.getUid())))
                    .findFirst();
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private String position(String ns, String queue, String workload) {
        Optional<String> visible = visibility(ns, queue, workload);
        if (visible.isPresent()) {
            return visible.get();
        }
        try {
            GenericKubernetesResource lq = client.genericKubernetesResources(LOCAL_QUEUE)
                    .inNamespace(ns)
                    .withName(queue)
                    .get();
            if (lq != null) {
                JsonNode pending = JSON.valueToTree(lq).at("/status/pendingWorkloads");
                if (pending.isNumber()) {
                    return ", one of " + pending.asInt() + " pending";
                }
            }
        } catch (KubernetesClientException e) {
            // Not served or not allowed: say nothing about the position.
        }
        return "";
    }

    /** ", position P of N (ClusterQueue C: position Q)" from the visibility API, when served. */
    private Optional<String> visibility(String ns, String queue, String workload) {
        String url = client.getMasterUrl().toString().replaceAll("/$", "")
                + "/apis/visibility.kueue.x-k8s.io/v1beta1/namespaces/" + ns + "/localqueues/" + queue
                + "/pendingworkloads";
        try {
            HttpRequest request =
                    client.getHttpClient().newHttpRequestBuilder().uri(url).build();
            HttpResponse<String> response =
                    client.getHttpClient().sendAsync(request, String.class).get(10, TimeUnit.SECONDS);
            if (response.code() != 200) {
                return Optional.empty();
            }
            JsonNode summary = JSON.readTree(response.body());
            if (!"PendingWorkloadsSummary".equals(summary.path("kind").asText())) {
                return Optional.empty();
            }
            JsonNode items = summary.path("items");
            for (JsonNode item : items) {
                if (workload.equals(item.at("/metadata/name").asText())) {
                    return Optional.of(
                            ", position " + (item.path("positionInLocalQueue").asInt() + 1) + " of "
                                    + items.size() + " (position "
                                    + (item.path("positionInClusterQueue").asInt() + 1)
                                    + " in ClusterQueue)");
                }
            }
            return Optional.of(", one of " + items.size() + " pending");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String flavors(JsonNode w) {
        JsonNode f = w.at("/status/admission/podSetAssignments/0/flavors");
        if (!f.isObject() || f.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (flavors:");
        f.fields()
                .forEachRemaining(e -> out.append(' ')
                        .append(e.getKey())
                        .append('=')
                        .append(e.getValue().asText()));
        return out.append(')').toString();
    }

    private static boolean isTrue(JsonNode w, String type) {
        return condition(w, type)
                .map(c -> "True".equals(c.path("status").asText()))
                .orElse(false);
    }

    private static Optional<JsonNode> condition(JsonNode w, String type) {
        for (JsonNode c : w.at("/status/conditions")) {
            if (type.equals(c.path("type").asText())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup("kueue.x-k8s.io")
                .withVersion("v1beta1")
                .withKind(kind)
                .withPlural(plural)
                .withNamespaced(true)
                .build();
    }
}
