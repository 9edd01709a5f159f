package io.ponte.pipelines.core.engine;

/** Small IR documents for engine tests, written as the KFP SDK compiles them. */
final class Pipelines {

    private Pipelines() {}

    static final String PRODUCER_CONSUMER = """
            pipelineInfo: {name: producer-consumer}
            schemaVersion: 2.1.0
            components:
              comp-producer:
                executorLabel: exec-producer
                inputDefinitions: {parameters: {text: {parameterType: STRING}}}
                outputDefinitions: {parameters: {out: {parameterType: STRING}}}
              comp-consumer:
                executorLabel: exec-consumer
                inputDefinitions: {parameters: {text: {parameterType: STRING}}}
            deploymentSpec:
              executors:
                exec-producer:
                  container:
                    image: alpine
                    command: [sh, -c, 'echo "$0!" > "$1"', "{{$.inputs.parameters['text']}}", "{{$.outputs.parameters['out'].output_file}}"]
                exec-consumer:
                  container:
                    image: alpine
                    command: [sh, -c, 'echo "got $0"', "{{$.inputs.parameters['text']}}"]
            root:
              inputDefinitions: {parameters: {text: {parameterType: STRING}}}
              dag:
                tasks:
                  producer:
                    componentRef: {name: comp-producer}
                    taskInfo: {name: producer}
                    cachingOptions: {enableCache: true}
                    inputs: {parameters: {text: {componentInputParameter: text}}}
                  consumer:
                    componentRef: {name: comp-consumer}
                    taskInfo: {name: consumer}
                    dependentTasks: [producer]
                    cachingOptions: {enableCache: true}
                    inputs: {parameters: {text: {taskOutputParameter: {producerTask: producer, outputParameterKey: out}}}}
            """;

    /** One container task {@code t} running {@code sh -c SCRIPT}, with the given extra task YAML (indented 6). */
    static String single(String script, String params, String taskExtra) {
        return """
                pipelineInfo: {name: single}
                components:
                  comp-t:
                    executorLabel: exec-t
                    inputDefinitions: {parameters: {p: {parameterType: STRING}}}
                    outputDefinitions:
                      parameters: {out: {parameterType: STRING}}
                      artifacts: {data: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}}
                deploymentSpec:
                  executors:
                    exec-t:
                      container:
                        image: alpine
                        command: [sh, -c, '%s', "{{$.inputs.parameters['p']}}", "{{$.outputs.parameters['out'].output_file}}", "{{$.outputs.artifacts['data'].path}}"]
                root:
                  inputDefinitions: {parameters: {p: {parameterType: STRING}}}
                  dag:
                    tasks:
                      t:
                        componentRef: {name: comp-t}
                        taskInfo: {name: t}
                        inputs: {parameters: {p: {componentInputParameter: p}}}
                %s
                """.formatted(script.replace("'", "''"), taskExtra);
    }

    /** A ParallelFor over [1, 2, 3] (one at a time) whose iterations double the item; a consumer gets the list. */
    static final String LOOP = """
            pipelineInfo: {name: loop}
            components:
              comp-double:
                executorLabel: exec-double
                inputDefinitions: {parameters: {x: {parameterType: NUMBER_INTEGER}}}
                outputDefinitions: {parameters: {Output: {parameterType: NUMBER_INTEGER}}}
              comp-sum:
                executorLabel: exec-sum
                inputDefinitions: {parameters: {xs: {parameterType: LIST}}}
                outputDefinitions: {parameters: {Output: {parameterType: STRING}}}
              comp-for-loop-1:
                inputDefinitions: {parameters: {pipelinechannel--loop-item-param-1: {parameterType: NUMBER_INTEGER}}}
                outputDefinitions: {parameters: {pipelinechannel--double-Output: {parameterType: LIST}}}
                dag:
                  outputs:
                    parameters:
                      pipelinechannel--double-Output: {valueFromParameter: {producerSubtask: double, outputParameterKey: Output}}
                  tasks:
                    double:
                      componentRef: {name: comp-double}
                      taskInfo: {name: double}
                      inputs: {parameters: {x: {componentInputParameter: pipelinechannel--loop-item-param-1}}}
            deploymentSpec:
              executors:
                exec-double:
                  container:
                    image: alpine
                    command: [sh, -c, 'echo $(($0 * 2)) > "$1"', "{{$.inputs.parameters['x']}}", "{{$.outputs.parameters['Output'].output_file}}"]
                exec-sum:
                  container:
                    image: alpine
                    command: [sh, -c, 'printf %s "$0" > "$1"', "{{$.inputs.parameters['xs']}}", "{{$.outputs.parameters['Output'].output_file}}"]
            root:
              dag:
                tasks:
                  for-loop-1:
                    componentRef: {name: comp-for-loop-1}
                    taskInfo: {name: for-loop-1}
                    parameterIterator:
                      itemInput: pipelinechannel--loop-item-param-1
                      items: {raw: '[1, 2, 3]'}
                    iteratorPolicy: {parallelismLimit: 1}
                  sum:
                    componentRef: {name: comp-sum}
                    taskInfo: {name: sum}
                    dependentTasks: [for-loop-1]
                    inputs:
                      parameters:
                        xs: {taskOutputParameter: {producerTask: for-loop-1, outputParameterKey: pipelinechannel--double-Output}}
            """;

    /** An exit handler around a task running {@code body}; the exit task writes the final status to {@code marker}. */
    static final String EXIT_HANDLER = """
            pipelineInfo: {name: exit-handler}
            components:
              comp-body:
                executorLabel: exec-body
                inputDefinitions: {parameters: {script: {parameterType: STRING}}}
              comp-exit-op:
                executorLabel: exec-exit-op
                inputDefinitions:
                  parameters:
                    status: {parameterType: TASK_FINAL_STATUS}
                    marker: {parameterType: STRING}
              comp-exit-handler-1:
                inputDefinitions: {parameters: {pipelinechannel--script: {parameterType: STRING}}}
                dag:
                  tasks:
                    body:
                      componentRef: {name: comp-body}
                      taskInfo: {name: body}
                      inputs: {parameters: {script: {componentInputParameter: pipelinechannel--script}}}
            deploymentSpec:
              executors:
                exec-body:
                  container:
                    image: alpine
                    command: [sh, -c, "{{$.inputs.parameters['script']}}"]
                exec-exit-op:
                  container:
                    image: alpine
                    command: [sh, -c, 'printf %s "$0" > "$1"', "{{$.inputs.parameters['status']}}", "{{$.inputs.parameters['marker']}}"]
            root:
              inputDefinitions:
                parameters:
                  script: {parameterType: STRING}
                  marker: {parameterType: STRING}
              dag:
                tasks:
                  exit-handler-1:
                    componentRef: {name: comp-exit-handler-1}
                    taskInfo: {name: exit-handler-1}
                    inputs: {parameters: {pipelinechannel--script: {componentInputParameter: script}}}
                  exit-op:
                    componentRef: {name: comp-exit-op}
                    taskInfo: {name: exit-op}
                    dependentTasks: [exit-handler-1]
                    triggerPolicy: {strategy: ALL_UPSTREAM_TASKS_COMPLETED}
                    inputs:
                      parameters:
                        status: {taskFinalStatus: {producerTask: exit-handler-1}}
                        marker: {componentInputParameter: marker}
            """;

    /** a → b → c, each running the script given by its parameter; c also reads b's output. */
    static final String CHAIN = """
            pipelineInfo: {name: chain}
            components:
              comp-step:
                executorLabel: exec-step
                inputDefinitions: {parameters: {script: {parameterType: STRING}, x: {parameterType: STRING, isOptional: true}}}
                outputDefinitions: {parameters: {out: {parameterType: STRING}}}
            deploymentSpec:
              executors:
                exec-step:
                  container:
                    image: alpine
                    command: [sh, -c, "{{$.inputs.parameters['script']}}", "{{$.outputs.parameters['out'].output_file}}"]
            root:
              inputDefinitions:
                parameters:
                  a: {parameterType: STRING}
                  b: {parameterType: STRING}
                  c: {parameterType: STRING}
              dag:
                tasks:
                  a:
                    componentRef: {name: comp-step}
                    taskInfo: {name: a}
                    inputs: {parameters: {script: {componentInputParameter: a}}}
                  b:
                    componentRef: {name: comp-step}
                    taskInfo: {name: b}
                    dependentTasks: [a]
                    inputs: {parameters: {script: {componentInputParameter: b}}}
                  c:
                    componentRef: {name: comp-step}
                    taskInfo: {name: c}
                    dependentTasks: [b]
                    inputs:
                      parameters:
                        script: {componentInputParameter: c}
                        x: {taskOutputParameter: {producerTask: b, outputParameterKey: out}}
            """;
}
