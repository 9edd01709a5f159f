package io.ponte.pipelines.adapter.memory;

import io.ponte.pipelines.adapter.RunStoreContractTest;
import io.ponte.pipelines.spi.RunStore;

/** The in-memory store passes the run store contract. */
class InMemoryRunStoreTest extends RunStoreContractTest {

    @Override
    protected RunStore emptyStore() {
        return new InMemoryRunStore();
    }
}
