package io.ponte.pipelines.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.core.ir.IrException;
import io.ponte.pipelines.spi.TaskLaunch.Placement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final String IR = """
            pipelineInfo: {name: p}
            components:
              comp-train:
                executorLabel: exec-train
                outputDefinitions: {parameters: {m: {parameterType: STRING}}}
              comp-eval:
                executorLabel: exec-eval
                inputDefinitions: {parameters: {m: {parameterType: STRING}, i: {parameterType: NUMBER_INTEGER}}}
              comp-for-loop-1:
                inputDefinitions: {parameters: {pipelinechannel--m: {parameterType: STRING}, item: {parameterType: NUMBER_INTEGER}}}
                dag:
                  tasks:
                    eval:
                      componentRef: {name: comp-eval}
                      taskInfo: {name: eval}
                      inputs:
                        parameters:
                          m: {componentInputParameter: pipelinechannel--m}
                          i: {componentInputParameter: item}
            deploymentSpec:
              executors:
                exec-train:
                  container:
                    image: trainer:1
                    command: [train]
                    resources: {accelerator: {resourceType: nvidia.com/gpu, resourceCount: '1'}}
                exec-eval: {container: {image: eval:1, command: [eval]}}
            root:
              dag:
                tasks:
                  train:
                    componentRef: {name: comp-train}
                    taskInfo: {name: train}
                  for-loop-1:
                    componentRef: {name: comp-for-loop-1}
                    taskInfo: {name: for-loop-1}
                    inputs: {parameters: {pipelinechannel--m: {taskOutputParameter: {producerTask: train, outputParameterKey: m}}}}
                    parameterIterator: {itemInput: item, items: {raw: '[1, 2]'}}
                    iteratorPolicy: {parallelismLimit: 2}
            ---
            platforms:
              kubernetes:
                deploymentSpec:
                  executors:
                    exec-train: {podMetadata: {labels: {ponte.io/placement: hpc}}}
            """;

    final Routing routing = new Routing(
            "local",
            Map.of("hpc", new Placement("offload", Optional.empty(), Optional.empty(), Optional.of("leonardo"))));

    @Test
    void plans_nested_tasks_edges_iterators_and_placements_as_json() {
        Plan plan = new Planner(routing).plan(IR);
        assertThat(plan.tasks().keySet()).containsExactly("root/train", "root/for-loop-1", "root/for-loop-1/eval");
        assertThat(plan.edges()).containsExactly(new Plan.Edge("root/train", "root/for-loop-1"));
        JsonNode json = PlanJson.tree(plan);
        JsonNode train = json.path("tasks").get(0);
        assertThat(train.path("executor").asText()).isEqualTo("offload");
        assertThat(train.path("placement").path("site").asText()).isEqualTo("leonardo");
        assertThat(train.path("resources").path("acceleratorCount").asInt()).isEqualTo(1);
        JsonNode loop = json.path("tasks").get(1);
        assertThat(loop.path("kind").asText()).isEqualTo("DAG");
        assertThat(loop.path("iterator").path("items").path("raw").asText()).isEqualTo("[1, 2]");
        assertThat(loop.path("iterator").path("parallelismLimit").asInt()).isEqualTo(2);
        assertThat(loop.path("children").get(0).asText()).isEqualTo("root/for-loop-1/eval");
        assertThat(json.path("tasks").get(2).path("executor").asText()).isEqualTo("local");
        assertThat(PlanJson.render(plan)).contains("\"edges\"");
    }

    @Test
    void an_unknown_placement_names_the_platform_spec_path() {
        assertThatThrownBy(() -> new Planner(Routing.local()).plan(IR))
                .isInstanceOf(IrException.class)
                .hasMessageContaining("platforms.kubernetes.deploymentSpec.executors.exec-train")
                .hasMessageContaining("placement hpc is not configured");
    }
}
