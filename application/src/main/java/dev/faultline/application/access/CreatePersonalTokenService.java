package dev.faultline.application.access;

import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

public final class CreatePersonalTokenService implements CreatePersonalToken {
    private final PersonalTokens tokens;
    private final GrantLocks locks;
    private final SecretGenerator secrets;
    private final Transactions transactions;
    private final Clock clock;

    public CreatePersonalTokenService(PersonalTokens tokens, GrantLocks locks, SecretGenerator secrets,
            Transactions transactions, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Created create(Command command) {
        Instant now = clock.instant();
        String raw = secrets.generate(SecretKind.PERSONAL_TOKEN);
        PersonalToken token = PersonalToken.issue(PersonalTokenId.random(), command.owner(), command.title(),
                command.scopes(), TokenHash.of(raw), command.expiresAt(), now);
        transactions.run(() -> {
            // A revocation of this person's access either waits for this token (and revokes it) or comes first.
            locks.lockForIssuing(command.owner());
            tokens.add(token);
        });
        return new Created(raw, PersonalTokenSummary.of(token, now));
    }
}
