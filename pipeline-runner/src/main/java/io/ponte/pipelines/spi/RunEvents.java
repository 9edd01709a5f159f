package io.ponte.pipelines.spi;

/**
 * Where the engine announces state changes. The messaging adapter publishes them on the SmallRye
 * Reactive Messaging channel {@code pipeline-events} (in-memory by default, RabbitMQ by
 * configuration). Called after the change is stored; must not block.
 */
public interface RunEvents {

    /** A run changed state. */
    void runChanged(RunRecord run);

    /** A task changed state. */
    void taskChanged(TaskRecord task);

    /** Events go nowhere (unit tests of the engine). */
    RunEvents NONE = new RunEvents() {
        @Override
        public void runChanged(RunRecord run) {}

        @Override
        public void taskChanged(TaskRecord task) {}
    };
}
