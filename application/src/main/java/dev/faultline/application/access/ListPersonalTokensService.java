package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ListPersonalTokens;
import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

public final class ListPersonalTokensService implements ListPersonalTokens {
    private final PersonalTokens tokens;
    private final Clock clock;

    public ListPersonalTokensService(PersonalTokens tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<PersonalTokenSummary> list(UserId owner) {
        Objects.requireNonNull(owner, "owner");
        Instant now = clock.instant();
        return tokens.listForUser(owner).stream().map(token -> PersonalTokenSummary.of(token, now)).toList();
    }
}
