package dev.faultline.application.tracker;

import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.ListIssues;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Membership;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists issues in the actor's applications with filters, a descending sort and keyset paging, in one unit of work
 * (one connection, one view).
 */
public class ListIssuesService implements ListIssues {
    private static final String LIST = "issues";
    private final Issues issues;
    private final Memberships memberships;
    private final ApplicationResolver resolver;
    private final Transactions transactions;
    private final Clock clock;

    public ListIssuesService(Issues issues, Memberships memberships, Applications applications,
            Transactions transactions, Clock clock) {
        this.issues = issues;
        this.memberships = memberships;
        this.resolver = new ApplicationResolver(applications, memberships);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome listIssues(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        return transactions.inTransaction(() -> list(command));
    }

    private Outcome list(Command command) {
        Set<ApplicationId> scope;
        Optional<ApplicationId> only = Optional.empty();
        if (command.application().isPresent()) {
            only = resolver.resolve(command.actor().user(), command.application().get()).map(Application::id);
            if (only.isEmpty()) {
                return new Outcome.ApplicationNotFound(command.application().get());
            }
            scope = Set.of(only.get());
        } else {
            scope = memberships.listByUser(command.actor().user()).stream().map(Membership::applicationId)
                    .collect(Collectors.toSet());
        }
        String query = describe(command, only);
        if (command.cursor().isEmpty()) {
            return page(command, scope, query, Optional.empty());
        }
        return PageCursor.decode(command.cursor().get(), LIST, query).fold(
                valid -> page(command, scope, query,
                        Optional.of(new Issues.Query.Position(valid.key(), new IssueId(valid.id())))),
                invalid -> new Outcome.InvalidCursor(invalid.reason()));
    }

    private Outcome page(Command command, Set<ApplicationId> scope, String query,
            Optional<Issues.Query.Position> after) {
        if (scope.isEmpty()) {
            return new Outcome.Page(List.of(), Optional.empty());
        }
        Instant now = clock.instant();
        List<Issues.Listed> found = issues.list(new Issues.Query(scope, command.status(), command.text(),
                command.since(), command.until(), command.sort(), after, command.limit() + 1, now,
                new Issues.Query.Seen(command.seen().release(), command.seen().environment(), command.seen().level(),
                        command.seen().openedOrRegressedSince())));
        List<Issues.Listed> listed = found.stream().limit(command.limit()).toList();
        Optional<String> next = Optional.empty();
        if (found.size() > command.limit()) {
            Issues.Listed last = listed.get(listed.size() - 1);
            next = Optional.of(PageCursor.encode(LIST, query, last.keyOf(command.sort()),
                    last.issue().id().value()));
        }
        Map<IssueId, ListIssues.SeenThere> seenThere = new HashMap<>();
        String dimension = command.seen().release().isPresent() ? "release" : "environment";
        for (Issues.Listed each : listed) {
            each.there().ifPresent(t -> seenThere.put(each.issue().id(), new ListIssues.SeenThere(dimension,
                    t.value(), t.firstSeen(), t.lastSeen(), t.eventCount())));
        }
        return new Outcome.Page(listed.stream().map(each -> each.issue().asOf(now)).toList(), next, seenThere);
    }

    /**
     * Everything a cursor is bound to: who asks, which filters (the application as resolved, however it was
     * named), which order (not the page size) and where its keys come from. A release or environment list is
     * ordered by the tally there (V16), so its cursors are marked: one issued before, which holds the issue's own
     * key, is refused as issued for another query instead of skipping or repeating issues.
     */
    private static String describe(Command c, Optional<ApplicationId> application) {
        boolean keysFromTally = c.seen().release().isPresent() || c.seen().environment().isPresent();
        return String.join("\u0000", keysFromTally ? "keys:tally" : "keys:issue", c.actor().user().toString(),
                application.map(Object::toString).orElse("*"),
                c.status().map(Enum::name).orElse("*"), c.text().orElse(""),
                c.since().map(Instant::toString).orElse("*"), c.until().map(Instant::toString).orElse("*"),
                c.sort().name(), c.seen().release().orElse("*"), c.seen().environment().orElse("*"),
                c.seen().level().map(Enum::name).orElse("*"),
                c.seen().openedOrRegressedSince().map(Instant::toString).orElse("*"));
    }
}
