package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.access.InMemoryGrantLocks;
import dev.faultline.adapters.inmemory.access.InMemoryPersonalTokens;
import dev.faultline.application.access.port.in.CreatePersonalToken.Command;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeEndedPersonalTokensTest {
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final InMemoryPersonalTokens store = new InMemoryPersonalTokens();
    private final CreatePersonalToken create = new CreatePersonalTokenService(store, new InMemoryGrantLocks(),
            new SequentialSecrets(), new InMemoryTransactions(), clock);
    private final PurgeEndedPersonalTokensService purge = new PurgeEndedPersonalTokensService(store, clock);
    private final UserId alice = UserId.random();

    @Test
    void deletes_in_batches_only_tokens_that_ended_before_the_retention() {
        for (int i = 0; i < 5; i++) {
            create.create(Command.of(alice, "short " + i, "mcp:read", clock.instant().plus(Duration.ofHours(1))));
        }
        create.create(Command.of(alice, "forever", "mcp:read", null));
        create.create(Command.of(alice, "long", "mcp:read", clock.instant().plus(Duration.ofDays(30))));

        clock.advance(Duration.ofDays(3));
        assertThat(purge.purgeEndedPersonalTokens(Duration.ofDays(7), 2)).isZero();

        clock.advance(Duration.ofDays(5));
        assertThat(purge.purgeEndedPersonalTokens(Duration.ofDays(7), 2)).isEqualTo(5);
        assertThat(store.listForUser(alice)).hasSize(2);
        assertThat(purge.purgeEndedPersonalTokens(Duration.ofDays(7), 2)).isZero();
    }
}
