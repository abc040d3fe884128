package dev.faultline.adapters.inmemory.account;

import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.application.account.port.out.SignInAttemptsContract;

class InMemorySignInAttemptsTest extends SignInAttemptsContract {
    private final InMemorySignInAttempts attempts = new InMemorySignInAttempts();

    @Override
    protected SignInAttempts attempts() {
        return attempts;
    }
}
