package dev.faultline.application.tracker;

import dev.faultline.application.shared.FeedKeptCache;
import dev.faultline.application.tracker.port.out.IssueChanges;
import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.IssueId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Issue revisions for the "still the same?" check of every {@code get_issue}, kept in memory while an
 * {@link IssueChanges} feed is connected, so that asking again about an unchanged issue reads nothing. Two things are
 * kept, each exact by the feed (see {@link FeedKeptCache} for why a load never leaves a stale value behind):
 * <ul>
 *   <li>per issue, its application and revision, forgotten whenever the revision moves or the issue goes;</li>
 *   <li>per person, the applications they were seen to be a member of, forgotten when they may have lost one. Only
 *       memberships seen are kept, so a membership gained needs no news and a non-member is always read again.</li>
 * </ul>
 * An answer from memory is exactly what the store answered for the same question, as of the feed's last notice: a
 * write through this instance is seen at once, one through another instance sharing the database once its notice
 * has arrived. While the feed is not connected every question is read from the store.
 *
 * <p>A store need not announce every issue's changes ({@link IssueRevisions#announcedRevision}): an issue is kept
 * only for as long as the store promised to announce its changes, less {@link #MARGIN}, and then read again (which
 * renews the promise).
 */
public final class IssueRevisionCache implements IssueRevisions, IssueChanges.Listener {
    /** Taken off how long the store promised to announce an issue's changes, for clocks that drift apart. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    /** The longest an issue is kept without reading it again, however long the store promised. */
    static final Duration LONGEST = Duration.ofHours(1);
    private final IssueRevisions store;
    private final LongSupplier nanoTime;
    private final FeedKeptCache<IssueId, Kept> issues;
    private final FeedKeptCache<UserId, Set<ApplicationId>> memberOf;

    /** An issue's application and revision, kept until {@code deadline} ({@link System#nanoTime()} scale). */
    private record Kept(ApplicationId application, long number, long deadline) {
    }

    /**
     * @param capacity how many issues, and separately how many people, to keep at most; 0 keeps none (every
     *                 question reads the store)
     */
    public IssueRevisionCache(IssueRevisions store, int capacity) {
        this(store, capacity, System::nanoTime);
    }

    /** With the clock that times how long an issue may be kept ({@link System#nanoTime()} or a test's). */
    public IssueRevisionCache(IssueRevisions store, int capacity, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
        this.issues = new FeedKeptCache<>(capacity, "issue revision");
        this.memberOf = new FeedKeptCache<>(capacity, "issue revision");
    }

    /** A cache that subscribes to {@code changes} (and so only answers from memory once it is connected). */
    public static IssueRevisionCache listeningTo(IssueChanges changes, IssueRevisions store, int capacity) {
        IssueRevisionCache cache = new IssueRevisionCache(store, capacity);
        changes.subscribe(cache);
        return cache;
    }

    @Override
    public Optional<Revision> revision(IssueId issueId, UserId reader) {
        FeedKeptCache.Stamp issueStamp = issues.stamp(issueId);
        if (!issueStamp.live()) {
            return store.revision(issueId, reader);
        }
        FeedKeptCache.Stamp readerStamp = memberOf.stamp(reader);
        long now = nanoTime.getAsLong();
        Optional<Kept> kept = issues.kept(issueId).filter(entry -> entry.deadline() - now > 0);
        if (kept.isPresent() && memberOf.kept(reader).filter(seen -> seen.contains(kept.get().application()))
                .isPresent()) {
            return Optional.of(new Revision(kept.get().application(), kept.get().number(), true));
        }
        Optional<Announced> read = store.announcedRevision(issueId, reader);
        read.ifPresent(announced -> {
            Revision revision = announced.revision();
            Duration keepFor = min(announced.announcedFor(), LONGEST).minus(MARGIN);
            if (!keepFor.isNegative() && !keepFor.isZero()) {
                issues.keep(issueId, new Kept(revision.application(), revision.number(), now + keepFor.toNanos()),
                        issueStamp);
            }
            if (revision.readerIsMember()) {
                memberOf.merge(reader, readerStamp, seen -> with(seen, revision.application()));
            }
        });
        return read.map(Announced::revision);
    }

    /** From the store, whatever is kept. */
    @Override
    public Optional<Announced> announcedRevision(IssueId issueId, UserId reader) {
        return store.announcedRevision(issueId, reader);
    }

    private static Duration min(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    private static Set<ApplicationId> with(Set<ApplicationId> seen, ApplicationId application) {
        if (seen == null) {
            return Set.of(application);
        }
        Set<ApplicationId> more = new HashSet<>(seen);
        more.add(application);
        return Set.copyOf(more);
    }

    @Override
    public void connected() {
        issues.connected();
        memberOf.connected();
    }

    @Override
    public void disconnected() {
        issues.disconnected();
        memberOf.disconnected();
    }

    @Override
    public void issueChanged(IssueId issue) {
        issues.changed(issue);
    }

    @Override
    public void membershipsChanged(UserId person) {
        memberOf.changed(person);
    }

    @Override
    public void everythingChanged() {
        issues.everythingChanged();
        memberOf.everythingChanged();
    }

    /** Whether answers come from memory now (the feed is connected). */
    public boolean isLive() {
        return issues.isLive();
    }

    /** Whether {@code issue}'s revision is kept now. */
    public boolean holds(IssueId issue) {
        return issues.holds(issue);
    }

    /** How many changes (of issues and of memberships) this cache has applied so far. */
    public long appliedChanges() {
        return issues.appliedChanges() + memberOf.appliedChanges();
    }
}
