package dev.faultline.adapters.inmemory;

import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.SigningKeyStoreContract;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {
    @Override
    protected SigningKeyStore store() {
        return new InMemorySigningKeyStore();
    }
}
