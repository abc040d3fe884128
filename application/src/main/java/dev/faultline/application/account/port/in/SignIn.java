package dev.faultline.application.account.port.in;

import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.RemoteAddress;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Check an e-mail address and password. A wrong password and an unknown address are indistinguishable, in
 * answer and in time; repeated failures lock the address out for a while (see
 * {@link dev.faultline.domain.account.SignInThrottle}), and too many failures from one client address, whatever the
 * accounts, refuse that client address for a while (see {@link dev.faultline.domain.account.AddressSignInLimit}).
 */
public interface SignIn {
    Outcome signIn(Command command);

    /** @param from the client address the attempt came from */
    record Command(EmailAddress email, String password, RemoteAddress from) {
        public Command {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(from, "from");
            InvalidValue.require(password != null && !password.isEmpty(), "password", "a password is required");
            // No account can have a longer password, and refusing early bounds the hashing work per request.
            InvalidValue.require(password.codePointCount(0, password.length()) <= CreateUser.MAX_PASSWORD_LENGTH,
                    "password", "a password has at most " + CreateUser.MAX_PASSWORD_LENGTH + " characters");
        }

        public static Command of(String email, String password, RemoteAddress from) {
            return new Command(EmailAddress.of(email), password, from);
        }

        /** From {@link RemoteAddress#UNKNOWN} (a call without a network peer). */
        public static Command of(String email, String password) {
            return of(email, password, RemoteAddress.UNKNOWN);
        }

        @Override
        public String toString() {
            return "SignIn.Command[email=" + email + ", password=redacted, from=" + from + "]";
        }
    }

    sealed interface Outcome {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<SignedIn, R> signedIn, Function<InvalidCredentials, R> invalidCredentials,
                Function<Throttled, R> throttled, Function<TooManyFromAddress, R> tooManyFromAddress,
                Function<Busy, R> busy);

        record SignedIn(UserId userId, EmailAddress email, DisplayName displayName) implements Outcome {
            @Override
            public <R> R fold(
                    Function<SignedIn, R> signedIn, Function<InvalidCredentials, R> invalidCredentials,
                    Function<Throttled, R> throttled, Function<TooManyFromAddress, R> tooManyFromAddress,
                    Function<Busy, R> busy) {
                return signedIn.apply(this);
            }
        }

        /** Wrong password or unknown address: deliberately the same answer. */
        record InvalidCredentials() implements Outcome {
            @Override
            public <R> R fold(
                    Function<SignedIn, R> signedIn, Function<InvalidCredentials, R> invalidCredentials,
                    Function<Throttled, R> throttled, Function<TooManyFromAddress, R> tooManyFromAddress,
                    Function<Busy, R> busy) {
                return invalidCredentials.apply(this);
            }
        }

        /** Too many failures: the password was not checked. Try again after {@code retryAfter}. */
        record Throttled(Instant until, Duration retryAfter) implements Outcome {
            @Override
            public <R> R fold(
                    Function<SignedIn, R> signedIn, Function<InvalidCredentials, R> invalidCredentials,
                    Function<Throttled, R> throttled, Function<TooManyFromAddress, R> tooManyFromAddress,
                    Function<Busy, R> busy) {
                return throttled.apply(this);
            }
        }

        /**
         * Too many failed sign-ins from the attempt's client address, across all accounts: the password was not
         * checked. Try again after {@code retryAfter}.
         */
        record TooManyFromAddress(Instant until, Duration retryAfter) implements Outcome {
            @Override
            public <R> R fold(
                    Function<SignedIn, R> signedIn, Function<InvalidCredentials, R> invalidCredentials,
                    Function<Throttled, R> throttled, Function<TooManyFromAddress, R> tooManyFromAddress,
                    Function<Busy, R> busy) {
                return tooManyFromAddress.apply(this);
            }
        }

        /**
         * Every password-check slot stayed taken for the whole bounded wait: the password was not checked and
         * nothing changed. Try again after {@code retryAfter}.
         */
        record Busy(Duration retryAfter) implements Outcome {
            @Override
            public <R> R fold(
                    Function<SignedIn, R> signedIn, Function<InvalidCredentials, R> invalidCredentials,
                    Function<Throttled, R> throttled, Function<TooManyFromAddress, R> tooManyFromAddress,
                    Function<Busy, R> busy) {
                return busy.apply(this);
            }
        }
    }
}
