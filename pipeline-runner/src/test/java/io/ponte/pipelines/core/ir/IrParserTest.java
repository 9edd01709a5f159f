package io.ponte.pipelines.core.ir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IrParserTest {

    static final String VALID = """
            pipelineInfo: {name: p, displayName: My pipeline}
            components:
              comp-a:
                executorLabel: exec-a
                inputDefinitions: {parameters: {x: {parameterType: NUMBER_INTEGER, defaultValue: 3, isOptional: true}}}
                outputDefinitions: {parameters: {y: {parameterType: STRING}}}
              comp-b:
                executorLabel: exec-b
                inputDefinitions: {parameters: {y: {parameterType: STRING}}}
            deploymentSpec:
              executors:
                exec-a:
                  container:
                    image: alpine
                    command: [sh, -c, 'echo $0 > $1', "{{$.inputs.parameters['x']}}", "{{$.outputs.parameters['y'].output_file}}"]
                    env: [{name: MODE, value: fast}]
                    resources:
                      resourceCpuLimit: 500m
                      resourceMemoryLimit: 1Gi
                      accelerator: {resourceType: nvidia.com/gpu, resourceCount: '2'}
                exec-b:
                  container: {image: alpine, command: [echo, "{{$.inputs.parameters['y']}}"]}
            root:
              dag:
                tasks:
                  a:
                    componentRef: {name: comp-a}
                    taskInfo: {name: a}
                    retryPolicy: {maxRetryCount: 2, backoffDuration: 1.5s, backoffFactor: 2, backoffMaxDuration: 4s}
                    cachingOptions: {enableCache: true}
                  b:
                    componentRef: {name: comp-b}
                    taskInfo: {name: b}
                    triggerPolicy: {condition: "inputs.parameter_values['y'] == 'go'"}
                    inputs: {parameters: {y: {taskOutputParameter: {producerTask: a, outputParameterKey: y}}}}
            ---
            platforms:
              kubernetes:
                deploymentSpec:
                  executors:
                    exec-a: {podMetadata: {labels: {team: ml}}}
            """;

    private static IrException invalid(String text) {
        try {
            new IrParser().parse(text);
        } catch (IrException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void maps_components_executors_tasks_and_the_platform_spec() {
        PipelineIr ir = new IrParser().parse(VALID);
        assertThat(ir.displayName()).isEqualTo("My pipeline");
        ExecutorIr.Container a = (ExecutorIr.Container) ir.executors().get("exec-a");
        assertThat(a.env()).containsEntry("MODE", "fast");
        assertThat(a.resources().cpuLimit()).contains("500m");
        assertThat(a.resources().memoryLimit()).contains("1Gi");
        assertThat(a.resources().acceleratorType()).contains("nvidia.com/gpu");
        assertThat(a.resources().acceleratorCount()).isEqualTo(2);
        ParameterDef x = ir.component("comp-a").inputParameters().get("x");
        assertThat(x.type()).isEqualTo(ParameterType.NUMBER_INTEGER);
        assertThat(x.defaultValue()).contains(3);
        TaskIr taskA = ir.root().dag().orElseThrow().tasks().get("a");
        assertThat(taskA.retry()).hasValueSatisfying(r -> {
            assertThat(r.maxRetryCount()).isEqualTo(2);
            assertThat(r.delayBefore(1)).hasMillis(1500);
            assertThat(r.delayBefore(2)).hasMillis(3000);
            assertThat(r.delayBefore(3)).hasMillis(4000);
        });
        assertThat(taskA.cacheEnabled()).isTrue();
        TaskIr taskB = ir.root().dag().orElseThrow().tasks().get("b");
        assertThat(taskB.condition()).contains("inputs.parameter_values['y'] == 'go'");
        assertThat(taskB.parameters().get("y"))
                .isEqualTo(new ParameterInput.TaskOutput("a", "y", java.util.Optional.empty()));
        assertThat(ir.kubernetesSettings("exec-a"))
                .hasValueSatisfying(k -> assertThat(k.path("podMetadata")
                                .path("labels")
                                .path("team")
                                .asText())
                        .isEqualTo("ml"));
    }

    @Test
    void rejects_an_empty_file_and_bad_yaml() {
        assertThat(invalid("# only a comment\n").getMessage()).contains("no document");
        assertThat(invalid("").getMessage()).contains("empty");
        assertThat(invalid("a: [1, 2").getMessage()).contains("not valid YAML");
        assertThat(invalid("- 1\n- 2\n").getMessage()).contains("must be a map");
    }

    @Test
    void names_the_path_of_a_missing_component() {
        IrException e = invalid(VALID.replace("componentRef: {name: comp-b}", "componentRef: {name: comp-c}"));
        assertThat(e.irPath()).contains("root.dag.tasks.b.componentRef.name");
        assertThat(e.getMessage()).contains("component comp-c is not defined");
    }

    @Test
    void names_the_path_of_a_missing_executor() {
        IrException e = invalid(VALID.replace("executorLabel: exec-b", "executorLabel: exec-z"));
        assertThat(e.irPath()).contains("components.comp-b.executorLabel");
        assertThat(e.getMessage()).contains("executor exec-z is not defined");
    }

    @Test
    void names_a_dependency_cycle() {
        String cyclic = VALID.replace("taskInfo: {name: a}", "taskInfo: {name: a}\n        dependentTasks: [b]");
        IrException e = invalid(cyclic);
        assertThat(e.getMessage()).contains("dependency cycle").containsAnyOf("a -> b -> a", "b -> a -> b");
    }

    @Test
    void names_an_unknown_dependent_task_and_a_missing_output() {
        assertThat(invalid(VALID.replace("taskInfo: {name: a}", "taskInfo: {name: a}\n        dependentTasks: [nope]"))
                        .irPath())
                .contains("root.dag.tasks.a.dependentTasks[0]");
        IrException e = invalid(VALID.replace("outputParameterKey: y", "outputParameterKey: z"));
        assertThat(e.irPath()).contains("root.dag.tasks.b.inputs.parameters.y.taskOutputParameter");
        assertThat(e.getMessage()).contains("task a has no output parameter z");
    }

    @Test
    void names_an_unresolvable_placeholder() {
        IrException e = invalid(
                VALID.replace("[echo, \"{{$.inputs.parameters['y']}}\"]", "[echo, \"{{$.inputs.parameters['w']}}\"]"));
        assertThat(e.irPath()).contains("deploymentSpec.executors.exec-b.container.command[1]");
        assertThat(e.getMessage()).contains("unresolvable placeholder").contains("input parameter w");
    }

    @Test
    void names_a_malformed_condition_and_a_missing_required_input() {
        assertThat(invalid(VALID.replace("== 'go'", "== ")).irPath())
                .contains("root.dag.tasks.b.triggerPolicy.condition");
        IrException e = invalid(VALID.replace(
                "inputs: {parameters: {y: {taskOutputParameter: {producerTask: a, outputParameterKey: y}}}}", ""));
        assertThat(e.getMessage()).contains("required input parameter y of comp-b is not given");
    }

    @Test
    void names_a_component_that_contains_itself() {
        String recursive = """
                pipelineInfo: {name: p}
                components:
                  comp-d:
                    dag: {tasks: {inner: {componentRef: {name: comp-d}, taskInfo: {name: inner}}}}
                root:
                  dag: {tasks: {outer: {componentRef: {name: comp-d}, taskInfo: {name: outer}}}}
                """;
        assertThat(invalid(recursive).getMessage()).contains("contains itself");
    }
}
