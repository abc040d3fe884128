package dev.faultline.adapters.inmemory.account;

import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.application.account.port.out.AddressSignInFailuresContract;

class InMemoryAddressSignInFailuresTest extends AddressSignInFailuresContract {
    private final InMemoryAddressSignInFailures failures = new InMemoryAddressSignInFailures();

    @Override
    protected AddressSignInFailures failures() {
        return failures;
    }
}
