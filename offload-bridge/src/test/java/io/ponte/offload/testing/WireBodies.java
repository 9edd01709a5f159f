package io.ponte.offload.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;

/** Builds JSON bodies the way interLink's API server writes them. */
public final class WireBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireBodies() {}

    public static Pod pod(String uid, String name, List<Container> containers) {
        return pod(uid, name, List.of(), containers, Map.of());
    }

    public static Pod pod(
            String uid,
            String name,
            List<Container> init,
            List<Container> containers,
            Map<String, String> annotations) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("interlink")
                .withUid(uid)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withInitContainers(init)
                .withContainers(containers)
                .endSpec()
                .build();
    }

    /** {@code {"pod": ..., "container": [{"name": ..., "configMaps": null, ...}]}} with no volume data. */
    public static String create(Pod pod) {
        ObjectNode body = JSON.createObjectNode();
        body.set("pod", JSON.valueToTree(pod));
        ArrayNode containers = body.putArray("container");
        for (Container c : pod.getSpec().getInitContainers()) {
            entry(containers, c.getName());
        }
        for (Container c : pod.getSpec().getContainers()) {
            entry(containers, c.getName());
        }
        return body.toString();
    }

    public static String statusOf(String uid, String name) {
        return "[" + WireFixtures.podRef(uid, name) + "]";
    }

    public static String logs(String uid, String name, String container, String opts) {
        return "{\"Namespace\":\"interlink\",\"PodUID\":\"" + uid + "\",\"PodName\":\"" + name
                + "\",\"ContainerName\":\"" + container + "\",\"Opts\":" + opts + "}";
    }

    private static void entry(ArrayNode containers, String name) {
        ObjectNode entry = containers.addObject();
        entry.put("name", name);
        entry.putNull("configMaps");
        entry.putNull("secrets");
        entry.putNull("projectedvolumemaps");
        entry.putNull("emptyDirs");
    }
}
