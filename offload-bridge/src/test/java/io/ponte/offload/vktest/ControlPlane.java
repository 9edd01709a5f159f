package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Kubernetes side of a run: fabric8's mock API server in CRUD mode (a stand-in: there is no
 * kube-apiserver on these machines), plus the few things a real control plane does on its own
 * that the tests rely on: a UID and creation time for each object, {@code stringData} folded into
 * a Secret's base64 {@code data}, ServiceAccount admission, the {@code kube-root-ca.crt}
 * ConfigMap and the {@code default} ServiceAccount in each namespace, and the virtual node.
 */
final class ControlPlane implements ClusterObjects, AutoCloseable {
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String caCertificate;

    private ControlPlane(KubernetesMockServer server, String caCertificate) {
        this.server = server;
        this.client = server.createClient();
        this.caCertificate = caCertificate;
    }

    /** Starts a CRUD-mode mock API server on a free loopback port. */
    static ControlPlane start(String caCertificate) {
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return new ControlPlane(server, caCertificate);
    }

    KubernetesClient client() {
        return client;
    }

    /** Creates the namespace with its {@code default} ServiceAccount and {@code kube-root-ca.crt}. */
    void ensureNamespace(String namespace) {
        if (client.namespaces().withName(namespace).get() != null) {
            return;
        }
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .create();
        client.serviceAccounts()
                .inNamespace(namespace)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName("default")
                        .endMetadata()
                        .build())
                .create();
        client.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("kube-root-ca.crt")
                        .endMetadata()
                        .withData(Map.of("ca.crt", caCertificate))
                        .build())
                .create();
    }

    /** Registers the virtual node with interLink's labels and taint. */
    Node ensureNode(String name) {
        Node node = new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(Map.of(
                        "kubernetes.io/hostname", name,
                        "kubernetes.io/role", "agent",
                        "type", "virtual-kubelet"))
                .endMetadata()
                .withNewSpec()
                .addNewTaint()
                .withKey("virtual-node.interlink/no-schedule")
                .withValue("true")
                .withEffect("NoSchedule")
                .endTaint()
                .endSpec()
                .build();
        return client.nodes().resource(node).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
    }

    /** Creates one object of a rendered template, doing what the real API server would add. */
    HasMetadata create(HasMetadata object, String defaultNamespace) {
        var meta = object.getMetadata();
        if (meta.getNamespace() == null) {
            meta.setNamespace(defaultNamespace);
        }
        meta.setUid(UUID.randomUUID().toString());
        meta.setCreationTimestamp(Instant.now().toString());
        if (object instanceof Secret secret && secret.getStringData() != null) {
            Map<String, String> data = new LinkedHashMap<>(secret.getData() == null ? Map.of() : secret.getData());
            secret.getStringData()
                    .forEach((k, v) ->
                            data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
            secret.setData(data);
            secret.setStringData(null);
        }
        if (object instanceof Pod pod) {
            ServiceAccountAdmission.admit(pod);
            pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                    .withPhase("Pending")
                    .build());
        }
        return client.resource(object).create();
    }

    Optional<Pod> pod(String namespace, String name) {
        return Optional.ofNullable(
                client.pods().inNamespace(namespace).withName(name).get());
    }

    List<Pod> pods() {
        return client.pods().inAnyNamespace().list().getItems();
    }

    List<Job> jobs() {
        return client.batch().v1().jobs().inAnyNamespace().list().getItems();
    }

    /** Writes a pod's status; false when the pod is gone. */
    boolean writeStatus(Pod pod, PodStatus status) {
        try {
            Pod current = client.pods()
                    .inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName())
                    .get();
            if (current == null
                    || !current.getMetadata().getUid().equals(pod.getMetadata().getUid())) {
                return false;
            }
            current.setStatus(status);
            client.pods().resource(current).updateStatus();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    void bind(Pod pod, String nodeName) {
        client.pods()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName())
                .edit(p -> {
                    p.getSpec().setNodeName(nodeName);
                    return p;
                });
        pod.getSpec().setNodeName(nodeName);
    }

    /** Deletes an object named by a {@code clean_configs} type; an object already gone is fine. */
    void delete(String type, String namespace, String name) {
        switch (type) {
            case "pod" -> client.pods().inNamespace(namespace).withName(name).delete();
            case "config_map" ->
                client.configMaps().inNamespace(namespace).withName(name).delete();
            case "secret" ->
                client.secrets().inNamespace(namespace).withName(name).delete();
            case "service" ->
                client.services().inNamespace(namespace).withName(name).delete();
            case "namespace" -> client.namespaces().withName(name).delete();
            case "job" ->
                client.batch().v1().jobs().inNamespace(namespace).withName(name).delete();
            default -> throw new IllegalArgumentException("cannot delete objects of type " + type);
        }
    }

    void delete(HasMetadata object) {
        client.resource(object).delete();
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(
                client.configMaps().inNamespace(namespace).withName(name).get());
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(
                client.secrets().inNamespace(namespace).withName(name).get());
    }

    /**
     * A token for the pod's service account. The mock server has no TokenRequest API, so this is
     * an unsigned JWT-shaped string naming the pod: enough for a plugin to write the file.
     */
    @Override
    public String serviceAccountToken(Pod pod) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims =
                b64("{\"sub\":\"system:serviceaccount:" + pod.getMetadata().getNamespace() + ":"
                        + pod.getSpec().getServiceAccountName() + "\",\"kubernetes.io\":{\"pod\":{\"name\":\""
                        + pod.getMetadata().getName() + "\",\"uid\":\""
                        + pod.getMetadata().getUid() + "\"}}}");
        return header + "." + claims + ".";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
