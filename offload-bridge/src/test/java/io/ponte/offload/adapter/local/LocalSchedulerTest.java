package io.ponte.offload.adapter.local;

import io.ponte.offload.spi.JobScheduler;
import io.ponte.offload.spi.JobSchedulerContract;

/** The local backend: job scripts as process sessions on this host. */
class LocalSchedulerTest extends JobSchedulerContract {

    @Override
    protected JobScheduler newScheduler() {
        return new LocalScheduler();
    }
}
