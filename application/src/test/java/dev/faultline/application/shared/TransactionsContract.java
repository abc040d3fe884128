package dev.faultline.application.shared;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.application.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.faultline.application.storage.Storage;
import dev.faultline.domain.access.PersonalToken;
import dev.faultline.domain.access.PersonalTokenId;
import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transactions} must do, over the repositories of the same {@link Storage}: users and personal
 * tokens stand for any two repositories (a token refers to its user, so a database checks the order too).
 */
public abstract class TransactionsContract {
    private Storage storage;
    private Transactions transactions;

    /** The backend under test; its data may be shared between tests (every test makes its own rows). */
    protected abstract Storage storage();

    @BeforeEach
    void setUpStorage() {
        storage = storage();
        transactions = storage.transactions();
    }

    private static PersonalToken tokenOf(UserId owner) {
        return PersonalToken.issue(PersonalTokenId.random(), owner, PersonalTokenTitle.of("laptop"), Scopes.READ_ONLY,
                TokenHash.of("flt_pat_" + UUID.randomUUID()), Optional.empty(), T0);
    }

    /** Looks from another thread, so that nothing the unit of work left bound to this one helps. */
    private static <T> T fromAnotherThread(Supplier<T> read) throws Exception {
        return CompletableFuture.supplyAsync(read).get(60, TimeUnit.SECONDS);
    }

    @Test
    void a_committed_unit_returns_its_result_and_every_write_is_visible_to_others() throws Exception {
        User ada = user();
        PersonalToken token = tokenOf(ada.id());

        String result = transactions.inTransaction(() -> {
            storage.users().add(ada);
            storage.personalTokens().add(token);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(fromAnotherThread(() -> storage.users().findById(ada.id()))).contains(ada);
        assertThat(fromAnotherThread(() -> storage.personalTokens().findById(token.id()))).contains(token);
    }

    @Test
    void a_runtime_exception_rolls_back_every_write_of_the_unit_and_propagates_unchanged() throws Exception {
        User before = user();
        storage.users().add(before);
        User ada = user();
        PersonalToken adasToken = tokenOf(ada.id());
        PersonalToken earlierUsersToken = tokenOf(before.id());
        IllegalStateException boom = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> transactions.run(() -> {
            storage.users().add(ada);
            storage.personalTokens().add(adasToken);
            storage.personalTokens().add(earlierUsersToken);
            storage.users().updatePasswordHash(before.id(), new PasswordHash("$fake$v3$changed"));
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(fromAnotherThread(() -> storage.users().findById(ada.id()))).isEmpty();
        assertThat(fromAnotherThread(() -> storage.personalTokens().findById(adasToken.id()))).isEmpty();
        assertThat(fromAnotherThread(() -> storage.personalTokens().findById(earlierUsersToken.id()))).isEmpty();
        assertThat(fromAnotherThread(() -> storage.users().findById(before.id()))).contains(before);
        assertThat(storage.users().findById(before.id())).contains(before);
    }

    @Test
    void a_nested_unit_joins_the_outer_one_and_falls_with_it() throws Exception {
        User ada = user();
        PersonalToken token = tokenOf(ada.id());
        IllegalArgumentException boom = new IllegalArgumentException("after the inner unit returned");

        Throwable thrown = catchThrowable(() -> transactions.run(() -> {
            storage.users().add(ada);
            transactions.run(() -> storage.personalTokens().add(token));
            assertThat(storage.personalTokens().findById(token.id())).contains(token);
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(fromAnotherThread(() -> storage.users().findById(ada.id()))).isEmpty();
        assertThat(fromAnotherThread(() -> storage.personalTokens().findById(token.id()))).isEmpty();
    }

    @Test
    void a_rolled_back_unit_leaves_the_store_usable() throws Exception {
        User ada = user();
        catchThrowable(() -> transactions.run(() -> {
            storage.users().add(ada);
            throw new IllegalStateException("boom");
        }));

        transactions.run(() -> storage.users().add(ada));

        assertThat(fromAnotherThread(() -> storage.users().findById(ada.id()))).contains(ada);
    }

    @Test
    void writes_outside_a_unit_are_kept_at_once() throws Exception {
        User ada = user();

        storage.users().add(ada);

        assertThat(fromAnotherThread(() -> storage.users().findById(ada.id()))).contains(ada);
    }
}
