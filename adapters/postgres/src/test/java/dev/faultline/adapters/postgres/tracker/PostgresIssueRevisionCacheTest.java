package dev.faultline.adapters.postgres.tracker;

import static dev.faultline.application.testing.Fixtures.T0;
import static dev.faultline.adapters.postgres.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.postgres.PostgresNotices;
import dev.faultline.adapters.postgres.access.PostgresChainChanges;
import dev.faultline.adapters.postgres.storage.PostgresStorage;
import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.adapters.postgres.testing.TestDatabases;
import dev.faultline.application.intake.IssueRevisionsContract;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.tracker.IssueRevisionCache;
import dev.faultline.application.tracker.port.out.IssueChanges;
import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Note;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The revision contract through an {@link IssueRevisionCache} listening to PostgreSQL: every write made through this
 * storage is seen at once (it is told on the writing thread), and what other connections commit is seen once its
 * notice is heard: an issue changed, a membership taken away, a table emptied, and the listener's connection lost.
 */
class PostgresIssueRevisionCacheTest extends IssueRevisionsContract {
    static final TestDatabase db = TestDatabases.fresh();
    private static final String LISTENER_NAME = "issue-changes-test-listener";
    private final PostgresIssueChanges changes = PostgresIssueChanges.silent();
    private final PostgresNotices notices = new PostgresNotices(() -> {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", LISTENER_NAME);
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }, Duration.ofMillis(200), Duration.ofMillis(20)).carrying(changes);
    private final Storage storage = PostgresStorage.on(db.jdbi(), PostgresChainChanges.silent(), changes);
    private final IssueRevisionCache cache = IssueRevisionCache.listeningTo(changes, storage.issueRevisions(), 100);

    private final Set<IssueId> heard = ConcurrentHashMap.newKeySet();

    PostgresIssueRevisionCacheTest() {
        changes.subscribe(new Heard());
        notices.start();
        await(cache::isLive, "the listener connecting");
    }

    /**
     * Waits until the notices of everything committed so far have been heard (they arrive in commit order, so once
     * a marker sent now is heard, so are they): this storage's own writes are told at once, and their notices, which
     * come later, forget again what was kept in between.
     */
    private void settled() {
        IssueId marker = IssueId.random();
        db.jdbi().useHandle(handle -> handle.execute("SELECT pg_notify(?, ?)", PostgresIssueChanges.CHANNEL,
                "issue " + marker.value()));
        await(() -> heard.contains(marker), "the marker's notice");
    }

    @AfterEach
    void stop() {
        notices.close();
    }

    @Override
    protected Storage storage() {
        return storage;
    }

    @Override
    protected IssueRevisions revisions() {
        return cache;
    }

    @Test
    void an_unchanged_issue_is_answered_from_memory() {
        IssueId issue = crash("kept", T0);
        settled();
        long revision = cache.visibleRevision(issue, member()).orElseThrow();

        assertThat(cache.holds(issue)).isTrue();
        assertThat(cache.visibleRevision(issue, member())).hasValue(revision);
    }

    @Test
    void an_issue_nobody_asked_about_notifies_nothing_when_it_changes_and_once_asked_about_it_does() {
        IssueId issue = crash("quiet until asked", T0);
        settled();
        heard.clear(); // what this storage told its subscribers itself

        bump(issue);
        settled();
        assertThat(heard).as("not announced").doesNotContain(issue);

        cache.visibleRevision(issue, member());
        bump(issue);
        await(() -> heard.contains(issue), "the announced issue's notice");
    }

    @Test
    void an_announcement_is_renewed_once_less_than_half_of_it_is_left_and_moves_no_revision() {
        IssueId issue = crash("renewed", T0);
        IssueRevisions.Announced first = storage.issueRevisions().announcedRevision(issue, member()).orElseThrow();
        assertThat(first.announcedFor()).isBetween(PostgresIssueRevisions.ANNOUNCE_FOR.minusSeconds(5),
                PostgresIssueRevisions.ANNOUNCE_FOR);

        IssueRevisions.Announced kept = storage.issueRevisions().announcedRevision(issue, member()).orElseThrow();
        assertThat(kept.revision()).as("no write while enough is left").isEqualTo(first.revision());

        db.jdbi().useHandle(handle -> handle.execute("UPDATE issue_announcements SET until = now() + interval '1 minute' "
                + "WHERE issue_id = ?", issue.value()));
        IssueRevisions.Announced renewed = storage.issueRevisions().announcedRevision(issue, member()).orElseThrow();
        assertThat(renewed.announcedFor()).isGreaterThan(PostgresIssueRevisions.RENEW_BELOW);
        assertThat(renewed.revision()).as("announcing moves no revision").isEqualTo(first.revision());
    }

    /**
     * An announcement that meets a writer holding the issue waits for it and reads what it committed, so no write can
     * slip between the revision read and the announcement unannounced.
     */
    @Test
    void an_announcement_waits_for_a_writer_holding_the_issue_and_reads_its_revision() throws Exception {
        IssueId issue = crash("held", T0);
        long before = storage.issueRevisions().revision(issue, member()).orElseThrow().number();
        try (Handle writer = db.jdbi().open()) {
            writer.begin();
            writer.execute("UPDATE issues SET revision = revision WHERE id = ?", issue.value());
            CompletableFuture<IssueRevisions.Announced> announcing = CompletableFuture.supplyAsync(() ->
                    storage.issueRevisions().announcedRevision(issue, member()).orElseThrow());
            await(() -> db.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE '%issue_announcements%'").mapTo(Long.class)
                    .one()) > 0, "the announcement waiting for the writer");
            writer.commit();

            assertThat(announcing.get(30, TimeUnit.SECONDS).revision().number()).isEqualTo(before + 1);
        }
    }

    private static void bump(IssueId issue) {
        db.jdbi().useHandle(handle -> handle.execute("UPDATE issues SET revision = revision WHERE id = ?",
                issue.value()));
    }

    @Test
    void a_note_added_by_another_connection_is_seen_once_its_notice_is_heard() {
        IssueId issue = crash("noted elsewhere", T0);
        settled();
        long before = cache.visibleRevision(issue, member()).orElseThrow();
        long heard = cache.appliedChanges();

        db.jdbi().useHandle(handle -> handle.execute("INSERT INTO notes (id, issue_id, author_id, body, created_at) "
                + "VALUES (gen_random_uuid(), ?, ?, 'by hand', now())", issue.value(), member().value()));

        await(() -> cache.appliedChanges() > heard, "the note's notice");
        assertThat(cache.holds(issue)).isFalse();
        assertThat(cache.visibleRevision(issue, member()).orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void a_membership_taken_away_by_another_connection_hides_the_issue_once_heard() {
        IssueId issue = crash("taken away", T0);
        settled();
        assertThat(cache.visibleRevision(issue, member())).isPresent();
        long heard = cache.appliedChanges();

        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM memberships WHERE user_id = ?", member().value()));

        await(() -> cache.appliedChanges() > heard, "the membership's notice");
        assertThat(cache.visibleRevision(issue, member())).isEmpty();
        assertThat(cache.holds(issue)).as("the issue itself did not change").isTrue();
    }

    @Test
    void a_write_through_this_storage_inside_a_unit_of_work_is_told_at_commit_and_not_at_rollback() {
        IssueId issue = crash("in a unit", T0);
        settled();
        cache.visibleRevision(issue, member());
        long heard = cache.appliedChanges();

        try {
            storage.transactions().run(() -> {
                storage.notes().add(Note.write(issue, member(), "rolled back", T0.plusSeconds(1)));
                throw new IllegalStateException("roll back");
            });
        } catch (RuntimeException expected) {
            // the note is gone with its unit of work
        }
        assertThat(cache.appliedChanges()).as("nothing told for a rollback").isEqualTo(heard);

        storage.transactions().run(() -> {
            storage.notes().add(Note.write(issue, member(), "kept", T0.plusSeconds(2)));
            assertThat(cache.appliedChanges()).as("not before the commit").isEqualTo(heard);
        });
        assertThat(cache.appliedChanges()).isGreaterThan(heard);
        assertThat(cache.holds(issue)).isFalse();
    }

    @Test
    void emptying_the_issues_says_everything_changed() {
        IssueId issue = crash("emptied", T0);
        settled();
        cache.visibleRevision(issue, member());
        long heard = cache.appliedChanges();

        db.truncateAll();

        await(() -> cache.appliedChanges() > heard, "the truncation's notice");
        assertThat(cache.holds(issue)).isFalse();
        assertThat(cache.visibleRevision(issue, member())).isEmpty();
    }

    @Test
    void while_the_listener_reconnects_the_store_is_read_and_afterwards_memory_starts_empty() {
        IssueId issue = crash("reconnected", T0);
        settled();
        cache.visibleRevision(issue, member());
        assertThat(cache.holds(issue)).isTrue();

        db.jdbi().useHandle(handle -> handle.createQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = :name")
                .bind("name", LISTENER_NAME).mapTo(Boolean.class).list());

        await(() -> !cache.holds(issue), "the listener noticing its connection is gone");
        await(cache::isLive, "the listener reconnecting");
        assertThat(cache.visibleRevision(issue, member())).isPresent();
        assertThat(cache.holds(issue)).isTrue();
    }

    private final class Heard implements IssueChanges.Listener {
        @Override
        public void connected() {
        }

        @Override
        public void disconnected() {
        }

        @Override
        public void everythingChanged() {
        }

        @Override
        public void issueChanged(IssueId issue) {
            heard.add(issue);
        }

        @Override
        public void membershipsChanged(UserId person) {
        }
    }
}
