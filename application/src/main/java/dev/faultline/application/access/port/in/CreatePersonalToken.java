package dev.faultline.application.access.port.in;

import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A signed-in user creates a personal access token; the token itself is shown this once and never again. */
public interface CreatePersonalToken {

    /**
     * @throws dev.faultline.domain.shared.InvalidValue (field {@code expires_at}) if the expiry is not in the
     *                                                  future; nothing is stored then
     */
    Created create(Command command);

    /**
     * @param scopes    write includes read: a token that may change issues but not list them would be of no use
     * @param expiresAt when the token stops working; empty for never
     */
    record Command(UserId owner, PersonalTokenTitle title, Scopes scopes, Optional<Instant> expiresAt) {
        public Command {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (scopes.includes(Scope.WRITE)) {
                scopes = Scopes.READ_WRITE;
            }
        }

        /**
         * From form input: a title, a space-delimited scope list (blank means {@code mcp:read}), an optional
         * expiry.
         *
         * @throws dev.faultline.domain.shared.InvalidValue naming the bad field
         */
        public static Command of(UserId owner, String title, String scopes, Instant expiresAtOrNull) {
            return new Command(owner, PersonalTokenTitle.of(title), Scopes.parse(scopes, Scopes.READ_ONLY),
                    Optional.ofNullable(expiresAtOrNull));
        }
    }

    /** The raw token, to show once, and what will be listed from now on. */
    record Created(String token, PersonalTokenSummary summary) {
        public Created {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(summary, "summary");
        }

        @Override
        public String toString() {
            return "Created[token=(redacted), summary=" + summary + "]";
        }
    }
}
