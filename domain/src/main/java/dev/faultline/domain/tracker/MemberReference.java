package dev.faultline.domain.tracker;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * How a person names someone to work with, e.g. the assignee of an issue: by user id or by e-mail address. The
 * tracker resolves it among the members of an application, and never tells an unknown address from a person who
 * is not a member (that would reveal who has an account).
 */
public sealed interface MemberReference {
    /**
     * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
     * build until every caller handles it.
     */
    <R> R fold(Function<ById, R> byId, Function<ByEmail, R> byEmail);

    record ById(UserId id) implements MemberReference {
        public ById {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return id.toString();
        }

        @Override
        public <R> R fold(Function<ById, R> byId, Function<ByEmail, R> byEmail) {
            return byId.apply(this);
        }
    }

    record ByEmail(EmailAddress email) implements MemberReference {
        public ByEmail {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public String toString() {
            return email.value();
        }

        @Override
        public <R> R fold(Function<ById, R> byId, Function<ByEmail, R> byEmail) {
            return byEmail.apply(this);
        }
    }

    static MemberReference to(UserId id) {
        return new ById(id);
    }

    /**
     * Text with an {@code @} is an e-mail address, anything else must be a user id; refused otherwise as an
     * {@link InvalidValue} naming {@code field}.
     */
    static MemberReference parse(String text, String field) {
        Objects.requireNonNull(text, "text");
        if (text.contains("@")) {
            try {
                return new ByEmail(EmailAddress.of(text));
            } catch (InvalidValue e) {
                throw new InvalidValue(field, e.getMessage());
            }
        }
        try {
            return new ById(new UserId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, "\"" + text + "\" is neither an e-mail address nor a user id (a UUID)");
        }
    }
}
