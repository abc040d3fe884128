package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.PersonalTokensContract;
import dev.faultline.domain.account.UserId;

class InMemoryPersonalTokensTest extends PersonalTokensContract {
    @Override
    protected PersonalTokens personalTokens() {
        return new InMemoryPersonalTokens();
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }
}
