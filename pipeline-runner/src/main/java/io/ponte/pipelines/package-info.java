/**
 * pipeline-runner: runs Kubeflow Pipelines IR (PipelineSpec) unchanged, locally, as Kueue-admitted
 * Kubernetes Jobs, or offloaded through the interLink plugin API.
 *
 * <p>{@code core.ir} parses and checks the IR, {@code core.plan} plans the DAG, {@code core.engine}
 * runs it; {@code spi} holds the ports (executors, object store, run store), {@code adapter.*} their
 * adapters, {@code api} the REST API.
 */
package io.ponte.pipelines;
