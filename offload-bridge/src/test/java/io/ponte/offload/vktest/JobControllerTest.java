package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobControllerTest {
    private final ControlPlane cluster = ControlPlane.start("ca");
    private final JobController controller = new JobController(cluster);

    @AfterEach
    void stop() {
        cluster.close();
    }

    private List<Pod> jobPods() {
        return controller.pods();
    }

    @Test
    void a_failed_pod_is_replaced_until_the_backoff_limit_is_spent() {
        cluster.create(
                new JobBuilder()
                        .withNewMetadata()
                        .withName("job-x")
                        .endMetadata()
                        .withNewSpec()
                        .withBackoffLimit(1)
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "t")
                        .endMetadata()
                        .withNewSpec()
                        .withRestartPolicy("Never")
                        .addNewContainer()
                        .withName("c")
                        .withImage("busybox")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build(),
                "ns");

        controller.sync();
        assertThat(jobPods()).singleElement().satisfies(p -> {
            assertThat(p.getMetadata().getName()).matches("job-x-[bcdfghjklmnpqrstvwxz2456789]{5}");
            assertThat(p.getMetadata().getLabels())
                    .containsEntry("job-name", "job-x")
                    .containsEntry("app", "t");
            assertThat(p.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(o -> assertThat(o.getKind()).isEqualTo("Job"));
        });

        failAll();
        controller.sync();
        assertThat(jobPods()).hasSize(2);

        failAll();
        controller.sync();
        controller.sync();
        assertThat(jobPods()).as("backoffLimit 1: one retry, then no more").hasSize(2);
    }

    private void failAll() {
        for (Pod p : jobPods()) {
            cluster.writeStatus(p, new PodStatusBuilder().withPhase("Failed").build());
        }
    }
}
