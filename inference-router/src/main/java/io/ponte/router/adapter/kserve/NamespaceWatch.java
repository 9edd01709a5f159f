package io.ponte.router.adapter.kserve;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Store;
import io.ponte.api.kserve.InferenceService;
import org.jboss.logging.Logger;

/**
 * One informer on the InferenceServices of one namespace. Every event only says which resource to
 * reconcile; its latest state is read from the informer's store, and once the initial listing is in
 * the store every resource there is reconciled before the watch counts as synced.
 */
final class NamespaceWatch implements ResourceEventHandler<InferenceService>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NamespaceWatch.class);

    private final String namespace;
    private final RegistrySync sync;
    private final SharedIndexInformer<InferenceService> informer;
    private volatile boolean applied;
    private volatile boolean failed;

    NamespaceWatch(KubernetesClient client, String namespace, RegistrySync sync) {
        this.namespace = namespace;
        this.sync = sync;
        this.informer =
                client.resources(InferenceService.class).inNamespace(namespace).runnableInformer(0);
        // Keep retrying while the API server is unreachable, forbids the list or lacks the CRD (the
        // router stays not ready meanwhile); only a resource that cannot be read at all stops it.
        informer.exceptionHandler((started, t) -> !ExceptionHandler.isDeserializationException(t));
        informer.addEventHandler(this);
    }

    /** Starts listing and watching; returns at once. */
    void start() {
        informer.start().whenComplete((ignored, error) -> {
            if (error == null) {
                Store<InferenceService> store = informer.getStore();
                store.list().forEach(this::reconcile);
                applied = true;
                LOG.infof(
                        "Watching InferenceServices in namespace %s (%d found)",
                        namespace, store.list().size());
            }
        });
        informer.stopped().whenComplete((ignored, error) -> {
            if (error != null) {
                failed = true;
                LOG.errorf(error, "Stopped watching InferenceServices in namespace %s", namespace);
            }
        });
    }

    /** Whether the initial listing has been applied and the watch has not failed since. */
    boolean synced() {
        return applied && !failed && informer.hasSynced();
    }

    @Override
    public void onAdd(InferenceService isvc) {
        reconcile(isvc);
    }

    @Override
    public void onUpdate(InferenceService before, InferenceService after) {
        reconcile(after);
    }

    @Override
    public void onDelete(InferenceService isvc, boolean finalStateUnknown) {
        reconcile(isvc);
    }

    @Override
    public void close() {
        informer.close();
    }

    private void reconcile(InferenceService isvc) {
        Store<InferenceService> store = informer.getStore();
        String key = store.getKey(isvc);
        try {
            sync.reconcile(namespace, isvc.getMetadata().getName(), () -> store.getByKey(key));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not apply InferenceService %s", key);
        }
    }
}
