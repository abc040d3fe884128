package dev.faultline.domain.account;

import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in. Holds only the hash of the password; the e-mail address is unique (case-insensitively,
 * which {@link EmailAddress} guarantees by normalising).
 */
public record User(UserId id, EmailAddress email, DisplayName displayName, PasswordHash passwordHash,
        Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(passwordHash, "passwordHash");
        createdAt = Times.micros(Objects.requireNonNull(createdAt, "createdAt"));
    }

    public static User register(EmailAddress email, DisplayName displayName, PasswordHash passwordHash,
            Instant now) {
        return new User(UserId.random(), email, displayName, passwordHash, now);
    }

    /** The same user with a stronger hash of the same password (after the hasher's parameters were raised). */
    public User withPasswordHash(PasswordHash rehashed) {
        return new User(id, email, displayName, rehashed, createdAt);
    }
}
