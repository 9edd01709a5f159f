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
}
