package dev.faultline.domain.account;

import dev.faultline.domain.shared.InvalidValue;

/** An encoded password hash (PHC string format, e.g. {@code $argon2id$v=19$m=…}). Never the password. */
public record PasswordHash(String encoded) {
    public PasswordHash {
        InvalidValue.require(encoded != null && encoded.startsWith("$"), "password_hash",
                "a password hash must be a PHC-format string");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
