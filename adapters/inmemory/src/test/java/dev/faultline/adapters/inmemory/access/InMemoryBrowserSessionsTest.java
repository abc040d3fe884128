package dev.faultline.adapters.inmemory.access;

import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.BrowserSessionsContract;
import dev.faultline.domain.account.UserId;

class InMemoryBrowserSessionsTest extends BrowserSessionsContract {
    @Override
    protected BrowserSessions browserSessions() {
        return new InMemoryBrowserSessions();
    }

    @Override
    protected UserId existingUser() {
        return UserId.random();
    }
}
