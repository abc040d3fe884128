package dev.faultline.application.account.port.in;

import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.function.Function;

/** Create an account that can sign in with an e-mail address and a password. */
public interface CreateUser {
    int MIN_PASSWORD_LENGTH = 12;
    int MAX_PASSWORD_LENGTH = 1024;

    Outcome createUser(Command command);

    /** The password rules: 12 to 1024 characters (counted as Unicode code points). */
    record Command(EmailAddress email, DisplayName displayName, String password) {
        public Command {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(displayName, "displayName");
            InvalidValue.require(password != null, "password", "a password is required");
            int length = password.codePointCount(0, password.length());
            InvalidValue.require(length >= MIN_PASSWORD_LENGTH, "password",
                    "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
            InvalidValue.require(length <= MAX_PASSWORD_LENGTH, "password",
                    "a password has at most " + MAX_PASSWORD_LENGTH + " characters");
        }

        public static Command of(String email, String displayName, String password) {
            return new Command(EmailAddress.of(email), DisplayName.of(displayName), password);
        }

        @Override
        public String toString() {
            return "CreateUser.Command[email=" + email + ", displayName=" + displayName + ", password=redacted]";
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Created, R> created, Function<EmailTaken, R> emailTaken);

        record Created(UserId userId, EmailAddress email) implements Outcome {
            @Override
            public <R> R fold(Function<Created, R> created, Function<EmailTaken, R> emailTaken) {
                return created.apply(this);
            }
        }

        record EmailTaken(EmailAddress email) implements Outcome {
            @Override
            public <R> R fold(Function<Created, R> created, Function<EmailTaken, R> emailTaken) {
                return emailTaken.apply(this);
            }
        }
    }
}
