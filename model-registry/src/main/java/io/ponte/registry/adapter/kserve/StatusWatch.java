package io.ponte.registry.adapter.kserve;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.ponte.api.kserve.InferenceService;
import io.ponte.registry.core.ServingLabels;
import io.ponte.registry.core.ServingStatus;
import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One informer on the InferenceServices this registry manages, in every namespace. While the API server is
 * unreachable, forbids the list or lacks the CRD, it keeps retrying with the client's back-off: the first failure
 * is a warning, the ones after it until the first listing succeeds are logged at debug level. A periodic resync reports every status again, so a status that could not be recorded gets another try.
 */
final class StatusWatch implements ResourceEventHandler<InferenceService>, Closeable {

    private static final Logger LOG = Logger.getLogger(StatusWatch.class);
    private static final Duration RESYNC = Duration.ofMinutes(10);

    private final Consumer<ServingStatus> listener;
    private final SharedIndexInformer<InferenceService> informer;
    private final AtomicBoolean failing = new AtomicBoolean();

    StatusWatch(KubernetesClient client, Consumer<ServingStatus> listener) {
        this.listener = listener;
        this.informer = client.resources(InferenceService.class)
                .inAnyNamespace()
                .withLabel(ServingLabels.MANAGED_BY, ServingLabels.MANAGER)
                .runnableInformer(RESYNC.toMillis());
        informer.exceptionHandler(this::retry);
        informer.addEventHandler(this);
    }

    /** Starts listing and watching; returns at once. */
    void start() {
        informer.start().whenComplete((ignored, error) -> {
            if (error == null) {
                failing.set(false);
                LOG.infof(
                        "Following the status of %d InferenceService(s) managed by this registry",
                        informer.getStore().list().size());
            }
        });
        informer.stopped().whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.errorf(error, "Stopped following InferenceService status");
            }
        });
    }

    @Override
    public void onAdd(InferenceService isvc) {
        listener.accept(Manifests.status(isvc));
    }

    @Override
    public void onUpdate(InferenceService before, InferenceService after) {
        listener.accept(Manifests.status(after));
    }

    @Override
    public void onDelete(InferenceService isvc, boolean finalStateUnknown) {
        listener.accept(Manifests.deleted(isvc));
    }

    @Override
    public void close() {
        informer.close();
    }

    private boolean retry(boolean started, Throwable t) {
        if (ExceptionHandler.isDeserializationException(t)) {
            LOG.errorf(t, "An InferenceService cannot be read; no longer following InferenceService status");
            return false;
        }
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("Cannot follow InferenceService status yet, will keep trying: %s", t.getMessage());
        } else {
            LOG.debugf("Still cannot follow InferenceService status: %s", t.getMessage());
        }
        return true;
    }
}
