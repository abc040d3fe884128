package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.ClientsContract;

class InMemoryClientsTest extends ClientsContract {
    @Override
    protected Clients clients() {
        return new InMemoryClients();
    }
}
