/**
 * Run and task events on SmallRye Reactive Messaging: the channel {@code pipeline-events} is
 * in-process by default and goes to RabbitMQ (or any connector) by configuration.
 */
package io.ponte.pipelines.adapter.messaging;
