package dev.faultline.adapters.postgres.access;

import static dev.faultline.adapters.postgres.testing.Eventually.await;
import static dev.faultline.application.access.testing.AccessFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.postgres.PostgresNotices;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.access.ChainStateCache;
import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.application.access.port.out.ChainChangesContract;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.TokenChain;
import dev.faultline.domain.account.UserId;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract, plus what only a shared database has: notices from other connections, and reconnecting. */
class PostgresChainChangesTest extends ChainChangesContract {
    static final TestDatabase db = TestDatabases.fresh();
    private static final String LISTENER_NAME = "chain-changes-test-listener";
    private final AtomicInteger disconnects = new AtomicInteger();
    private final PostgresChainChanges feed = PostgresChainChanges.silent();
    private final PostgresNotices notices = new PostgresNotices(() -> {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", LISTENER_NAME);
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }, Duration.ofMillis(200), Duration.ofMillis(20)).carrying(feed).start();
    private final PostgresTokenChains store = new PostgresTokenChains(db.jdbi(), feed);

    @AfterEach
    void stop() {
        notices.close();
    }

    @Override
    protected void resetStorage() {
        db.truncateAll();
    }

    @Override
    protected TokenChains chains() {
        return store;
    }

    @Override
    protected ChainChanges changes() {
        return feed;
    }

    @Override
    protected Clients clients() {
        return new PostgresClients(db.jdbi());
    }

    @Override
    protected UserId existingUser() {
        return AccessTestUsers.insert(db);
    }

    @Override
    protected Transactions transactions() {
        return db.transactions();
    }

    @Test
    void a_revocation_committed_by_another_connection_arrives_once_committed() {
        TokenChain chain = added();

        db.jdbi().useHandle(handle -> handle.execute("UPDATE token_chains SET revoked_at = now(), "
                + "revocation_reason = 'USER_REVOKED' WHERE id = ?", chain.id().value()));

        awaitHeard(chain.id());
    }

    @Test
    void a_deletion_by_another_connection_arrives() {
        TokenChain chain = added();

        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM token_chains WHERE id = ?", chain.id().value()));

        awaitHeard(chain.id());
    }

    /**
     * Notices arrive in commit order, so once the marker's notice is heard, a notice for the earlier writes would
     * have been heard too: a use and a rotation that moves the expiry later are not news; an earlier expiry is.
     */
    @Test
    void a_recorded_use_and_a_later_expiry_are_not_announced_but_an_earlier_expiry_is() {
        TokenChain chain = added();
        TokenChain marker = added();

        store.recordUse(chain.id(), T0.plusSeconds(1), T0);
        db.jdbi().useHandle(handle -> handle.execute("UPDATE token_chains SET refresh_expires_at = "
                + "refresh_expires_at + interval '1 hour', generation = generation WHERE id = ?", chain.id().value()));
        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM token_chains WHERE id = ?", marker.id().value()));
        awaitHeard(marker.id());
        assertThat(heard.changed).doesNotContain(chain.id());

        db.jdbi().useHandle(handle -> handle.execute("UPDATE token_chains SET refresh_expires_at = "
                + "refresh_expires_at - interval '2 hours' WHERE id = ?", chain.id().value()));
        awaitHeard(chain.id());
    }

    @Test
    void emptying_the_table_says_everything_changed_and_a_cache_forgets_everything() {
        ChainStateCache cache = ChainStateCache.listeningTo(feed, store, 10);
        TokenChain chain = added();
        cache.find(chain.id());
        long applied = cache.appliedChanges();

        db.truncateAll();

        await(() -> cache.appliedChanges() > applied, "the truncation's notice");
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_listener_reconnect_empties_the_cache_and_meanwhile_the_store_is_read() {
        ChainStateCache cache = ChainStateCache.listeningTo(feed, store, 10);
        feed.subscribe(new CountingDisconnects());
        TokenChain chain = added();
        cache.find(chain.id());
        assertThat(cache.holds(chain.id())).isTrue();
        long connectsBefore = cache.connects();

        db.jdbi().useHandle(handle -> handle.createQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = :name")
                .bind("name", LISTENER_NAME).mapTo(Boolean.class).list());

        await(() -> disconnects.get() > 0, "the listener noticing its connection is gone");
        await(() -> cache.connects() > connectsBefore, "the listener reconnecting");
        assertThat(cache.isLive()).isTrue();
        assertThat(cache.size()).as("emptied on reconnect").isZero();
        cache.find(chain.id());
        assertThat(cache.holds(chain.id())).isTrue();
    }

    private void awaitHeard(ChainId chain) {
        await(() -> heard.changed.contains(chain), "the notice for " + chain);
    }

    private final class CountingDisconnects implements ChainChanges.Listener {
        @Override
        public void connected() {
        }

        @Override
        public void disconnected() {
            disconnects.incrementAndGet();
        }

        @Override
        public void changed(ChainId chain) {
        }

        @Override
        public void everythingChanged() {
        }
    }
}
