package dev.faultline.domain.tracker;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;

/** A user's access to one application. Without a membership the application does not exist for that user. */
public record Membership(ApplicationId applicationId, UserId userId, Role role, Instant joinedAt) {
    public Membership {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        joinedAt = Times.micros(Objects.requireNonNull(joinedAt, "joinedAt"));
    }
}
