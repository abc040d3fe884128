package dev.faultline.application.intake;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.IssueDetailsReader;
import dev.faultline.application.tracker.MemberScope;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import dev.faultline.domain.tracker.ActiveMute;
import dev.faultline.domain.tracker.Issue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An issue's details and history for a member of its application: one unit of work (one connection, one view),
 * the issue and the membership read once for both, after the issue's revision, which labels what was read. Asked
 * whether an issue shown earlier changed, it checks the revision with {@code checks} (a cache kept exact by the
 * store's notices, see {@link dev.faultline.application.tracker.IssueRevisionCache}); a read in full takes it from
 * the store, so showing an issue once (a page) leaves nothing behind.
 */
public class GetIssueInFullService implements GetIssueInFull {
    private final IssueRevisions revisions;
    private final IssueRevisions checks;
    private final MemberScope scope;
    private final IssueDetailsReader details;
    private final IssueHistoryReader history;
    private final Transactions transactions;
    private final Clock clock;

    public GetIssueInFullService(Issues issues, Memberships memberships, Applications applications, Events events,
            Notes notes, IssueGroupings groupings, IssueTallies tallies, IssueActivities activities, Users users,
            IssueRevisions revisions, IssueRevisions checks, Transactions transactions, Clock clock) {
        this.revisions = revisions;
        this.checks = checks;
        this.scope = new MemberScope(memberships, issues);
        this.details = new IssueDetailsReader(applications, events, notes, clock);
        this.history = new IssueHistoryReader(groupings, tallies, activities, users, clock);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome getIssueInFull(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return read(command, revisions.visibleRevision(command.issueId(), command.actor().user()));
    }

    @Override
    public Optional<Outcome> getIssueInFullIfChanged(Command command, Version shown) {
        if (!command.actor().may(REQUIRES)) {
            return Optional.of(new Outcome.NotPermitted(REQUIRES));
        }
        OptionalLong revision = checks.visibleRevision(command.issueId(), command.actor().user());
        if (revision.isPresent() && shown.holds(command.issueId(), revision.getAsLong(), clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(read(command, revision));
    }

    /**
     * Reads after the revision: whatever changes in between moves the revision past {@code revision}, so the
     * label is never newer than what it labels (at worst a later check finds a change that was already shown).
     */
    private Outcome read(Command command, OptionalLong revision) {
        if (revision.isEmpty()) {
            return new Outcome.NotFound(command.issueId());
        }
        return transactions.inTransaction(() -> find(command, revision.getAsLong()));
    }

    private Outcome find(Command command, long revision) {
        Instant now = clock.instant();
        return scope.visibleIssue(command.actor().user(), command.issueId())
                .flatMap(issue -> details.read(issue).map(found -> new IssueInFull(found,
                        history.read(command.issueId()), new Version(issue.id(), revision, expiry(issue, now)))))
                .<Outcome>map(Outcome.Found::new)
                .orElseGet(() -> new Outcome.NotFound(command.issueId()));
    }

    /** The next UTC midnight, or an until-time mute's end if that comes first. */
    private static Instant expiry(Issue issue, Instant now) {
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return issue.mute().flatMap(GetIssueInFullService::lapse).filter(now::isBefore).filter(midnight::isAfter)
                .orElse(midnight);
    }

    private static Optional<Instant> lapse(ActiveMute mute) {
        return mute.fold(forever -> Optional.empty(), untilTime -> Optional.of(untilTime.until()),
                untilEventCount -> Optional.empty());
    }
}
