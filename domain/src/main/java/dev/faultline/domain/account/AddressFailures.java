package dev.faultline.domain.account;

import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * Failed sign-ins from one client address, whatever the accounts, in the window that started at
 * {@code windowStartedAt}. Kept in storage so the limit holds across instances and restarts.
 */
public record AddressFailures(RemoteAddress address, int failures, Instant windowStartedAt) {
    public AddressFailures {
        Objects.requireNonNull(address, "address");
        windowStartedAt = Times.micros(Objects.requireNonNull(windowStartedAt, "windowStartedAt"));
        if (failures < 0) {
            throw new IllegalArgumentException("failures cannot be negative");
        }
    }
}
