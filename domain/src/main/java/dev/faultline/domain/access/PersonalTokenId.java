package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a personal access token: public, shown in lists and used to revoke it. Not the secret. */
public record PersonalTokenId(UUID value) {
    public PersonalTokenId {
        Objects.requireNonNull(value, "value");
    }

    public static PersonalTokenId random() {
        return new PersonalTokenId(UUID.randomUUID());
    }

    /** @throws InvalidValue if {@code text} is not a UUID */
    public static PersonalTokenId parse(String text) {
        try {
            return new PersonalTokenId(UUID.fromString(Objects.requireNonNull(text, "text")));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("token_id", "token id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
