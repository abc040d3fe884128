package dev.faultline.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.access.InMemoryGrantLocks;
import dev.faultline.adapters.inmemory.access.InMemoryPersonalTokens;
import dev.faultline.application.access.port.in.AuthenticatePersonalToken.Principal;
import dev.faultline.application.access.port.in.AuthenticatePersonalToken.Reason;
import dev.faultline.application.access.port.in.AuthenticatePersonalToken;
import dev.faultline.application.access.port.in.CreatePersonalToken.Command;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary.Status;
import dev.faultline.application.access.port.in.ListPersonalTokens.PersonalTokenSummary;
import dev.faultline.application.access.port.in.RevokePersonalToken;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PersonalTokenUseCasesTest {
    private final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    private final InMemoryPersonalTokens store = new InMemoryPersonalTokens();
    private final CreatePersonalToken create = new CreatePersonalTokenService(store, new InMemoryGrantLocks(),
            new SequentialSecrets(), new InMemoryTransactions(), clock);
    private final ListPersonalTokensService list = new ListPersonalTokensService(store, clock);
    private final RevokePersonalToken revoke = new RevokePersonalTokenService(store, clock);
    private final AuthenticatePersonalToken authenticate = new AuthenticatePersonalTokenService(store, clock);
    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();

    private CreatePersonalToken.Created createFor(UserId owner, String title) {
        return create.create(Command.of(owner, title, "mcp:read mcp:write", null));
    }

    @Test
    void creating_returns_the_token_once_and_stores_only_its_hash() {
        CreatePersonalToken.Created created = create.create(
                Command.of(alice, "  CI laptop ", "mcp:read", clock.instant().plus(Duration.ofDays(30))));

        assertThat(PersonalTokenFormat.isWellFormed(created.token())).isTrue();
        PersonalTokenSummary summary = created.summary();
        assertThat(summary.title()).isEqualTo("CI laptop");
        assertThat(summary.scopes()).isEqualTo(Scopes.READ_ONLY);
        assertThat(summary.createdAt()).isEqualTo(clock.instant());
        assertThat(summary.expiresAt()).contains(clock.instant().plus(Duration.ofDays(30)));
        assertThat(summary.lastUsedAt()).isEmpty();
        assertThat(summary.status()).isEqualTo(Status.ACTIVE);

        PersonalToken stored = store.findById(summary.id()).orElseThrow();
        assertThat(stored.tokenHash()).isEqualTo(TokenHash.of(created.token()));
        assertThat(created.toString()).doesNotContain(created.token());
    }

    @Test
    void blank_scopes_mean_read_only() {
        assertThat(create.create(Command.of(alice, "t", " ", null)).summary().scopes()).isEqualTo(Scopes.READ_ONLY);
    }

    @Test
    void bad_input_is_refused_with_the_field_and_stores_nothing() {
        assertField(() -> Command.of(alice, "", "mcp:read", null), "title");
        assertField(() -> Command.of(alice, "x".repeat(101), "mcp:read", null), "title");
        assertField(() -> Command.of(alice, "t", "mcp:read mcp:admin", null), "scope");
        assertField(() -> create.create(Command.of(alice, "t", "mcp:read", clock.instant())), "expires_at");
        assertField(() -> create.create(Command.of(alice, "t", "mcp:read", clock.instant().minusSeconds(1))), "expires_at");

        assertThat(store.listForUser(alice)).isEmpty();
    }

    @Test
    void listing_shows_only_the_owners_tokens_newest_first_with_their_status_and_no_secret() {
        CreatePersonalToken.Created first = createFor(alice, "first");
        clock.advance(Duration.ofMinutes(1));
        CreatePersonalToken.Created expiring = create.create(Command.of(alice, "expiring", "mcp:read", clock.instant().plusSeconds(60)));
        clock.advance(Duration.ofMinutes(1));
        CreatePersonalToken.Created revoked = createFor(alice, "revoked");
        createFor(bob, "bob's");
        revoke.revoke(alice, revoked.summary().id());
        clock.advance(Duration.ofMinutes(5));

        var listed = list.list(alice);

        assertThat(listed).extracting(PersonalTokenSummary::title).containsExactly("revoked", "expiring", "first");
        assertThat(listed).extracting(PersonalTokenSummary::status).containsExactly(Status.REVOKED, Status.EXPIRED, Status.ACTIVE);
        for (CreatePersonalToken.Created created : new CreatePersonalToken.Created[] {first, expiring, revoked}) {
            assertThat(listed.toString()).doesNotContain(created.token()).doesNotContain(TokenHash.of(created.token()).hex());
        }
        assertThat(Arrays.stream(PersonalTokenSummary.class.getRecordComponents()).map(RecordComponent::getType))
                .doesNotContain(TokenHash.class, String.class.arrayType());
    }

    @Test
    void the_owner_revokes_once_and_the_token_stops_working() {
        CreatePersonalToken.Created created = createFor(alice, "t");
        PersonalTokenId id = created.summary().id();
        Instant revokedAt = clock.instant().plusSeconds(30);
        clock.set(revokedAt);

        RevokePersonalToken.Outcome outcome = revoke.revoke(alice, id);
        assertThat(outcome).isInstanceOf(RevokePersonalToken.Outcome.Revoked.class);
        assertThat(((RevokePersonalToken.Outcome.Revoked) outcome).token().revokedAt()).contains(revokedAt);

        clock.advance(Duration.ofMinutes(1));
        assertThat(revoke.revoke(alice, id)).isEqualTo(new RevokePersonalToken.Outcome.AlreadyRevoked(revokedAt));
        assertThat(authenticate.authenticate(created.token())).isEqualTo(new AuthenticatePersonalToken.Outcome.Refused(Reason.REVOKED));
    }

    @Test
    void another_users_token_is_not_found_and_stays_active() {
        CreatePersonalToken.Created alices = createFor(alice, "t");
        PersonalTokenId id = alices.summary().id();

        assertThat(revoke.revoke(bob, id)).isEqualTo(new RevokePersonalToken.Outcome.NotFound(id));
        PersonalTokenId unknown = PersonalTokenId.random();
        assertThat(revoke.revoke(alice, unknown)).isEqualTo(new RevokePersonalToken.Outcome.NotFound(unknown));

        assertThat(store.findById(id).orElseThrow().revokedAt()).isEmpty();
        assertThat(authenticate.authenticate(alices.token())).isInstanceOf(AuthenticatePersonalToken.Outcome.Authenticated.class);
    }

    @Test
    void an_active_token_authenticates_as_its_owner_with_its_scopes() {
        CreatePersonalToken.Created created = createFor(alice, "t");

        assertThat(authenticate.authenticate(created.token())).isEqualTo(new AuthenticatePersonalToken.Outcome.Authenticated(
                new Principal(alice, Scopes.READ_WRITE, created.summary().id())));
    }

    @Test
    void use_is_recorded_at_most_once_per_interval() {
        CreatePersonalToken.Created created = createFor(alice, "t");
        PersonalTokenId id = created.summary().id();
        Instant firstUse = clock.instant().plusSeconds(10);
        clock.set(firstUse);

        authenticate.authenticate(created.token());
        assertThat(store.findById(id).orElseThrow().lastUsedAt()).contains(firstUse);

        clock.advance(Duration.ofMinutes(4));
        authenticate.authenticate(created.token());
        assertThat(store.findById(id).orElseThrow().lastUsedAt()).contains(firstUse);

        clock.advance(Duration.ofMinutes(2));
        authenticate.authenticate(created.token());
        assertThat(store.findById(id).orElseThrow().lastUsedAt()).contains(clock.instant());
    }

    @Test
    void an_expired_token_is_refused() {
        CreatePersonalToken.Created created = create.create(Command.of(alice, "t", "mcp:read", clock.instant().plus(Duration.ofDays(1))));

        clock.advance(Duration.ofDays(1));

        assertThat(authenticate.authenticate(created.token())).isEqualTo(new AuthenticatePersonalToken.Outcome.Refused(Reason.EXPIRED));
    }

    @Test
    void a_well_formed_token_never_issued_is_unknown() {
        String neverIssued = PersonalTokenFormat.fromBody("Z".repeat(43));

        assertThat(authenticate.authenticate(neverIssued)).isEqualTo(new AuthenticatePersonalToken.Outcome.Refused(Reason.UNKNOWN));
    }

    @Test
    void a_malformed_token_is_refused_without_touching_the_store() {
        AtomicInteger storeCalls = new AtomicInteger();
        PersonalTokens watched = (PersonalTokens) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PersonalTokens.class}, (proxy, method, args) -> {
                    storeCalls.incrementAndGet();
                    return method.invoke(store, args);
                });
        AuthenticatePersonalToken guarded = new AuthenticatePersonalTokenService(watched, clock);
        String valid = createFor(alice, "t").token();
        char last = valid.charAt(valid.length() - 1);
        String badChecksum = valid.substring(0, valid.length() - 1) + (last == 'a' ? 'b' : 'a');

        for (String malformed : new String[] {badChecksum, valid.substring(1), "flt_rt_" + valid.substring(8), "", null, valid + "x"}) {
            assertThat(guarded.authenticate(malformed)).isEqualTo(new AuthenticatePersonalToken.Outcome.Refused(Reason.MALFORMED));
        }
        assertThat(storeCalls).hasValue(0);
        assertThat(guarded.authenticate(valid)).isInstanceOf(AuthenticatePersonalToken.Outcome.Authenticated.class);
        assertThat(storeCalls.get()).isPositive();
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidValue.class)
                .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo(field));
    }

    @Test
    void write_includes_read_so_a_token_can_always_see_what_it_may_change() {
        CreatePersonalToken.Created created = create.create(Command.of(alice, "bot", "mcp:write", null));

        assertThat(created.summary().scopes()).isEqualTo(Scopes.READ_WRITE);
        assertThat(store.findById(created.summary().id()).orElseThrow().scopes()).isEqualTo(Scopes.READ_WRITE);
    }
}
