package dev.faultline.adapters.postgres.tracker;

import dev.faultline.adapters.postgres.NoticeChannel;
import dev.faultline.adapters.postgres.PostgresNotices;
import dev.faultline.application.tracker.port.out.IssueChanges;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;
import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Issue changes from PostgreSQL: the channel {@code faultline_issue_changes}, fed by the triggers of
 * {@code V21__issue_change_notify.sql} and {@code V22__announced_issues_only.sql} (payload {@code issue <id>} for an
 * announced issue, see {@link PostgresIssueRevisions}, or a deleted one; {@code member <person id>}; or {@code *} when
 * a table was emptied), heard through a {@link PostgresNotices} that carries it. Writes made through this instance's
 * {@link PostgresIssues}, {@link PostgresNotes}, {@link PostgresIssueActivities} and event retention are also told at
 * once on the writing thread (after the commit), announced or not, so this instance never waits for its own notice.
 */
public final class PostgresIssueChanges extends NoticeChannel<IssueChanges.Listener> implements IssueChanges {
    public static final String CHANNEL = "faultline_issue_changes";

    /** A feed that never connects until a {@link PostgresNotices} carries it: its subscribers read the store. */
    public static PostgresIssueChanges silent() {
        return new PostgresIssueChanges();
    }

    private PostgresIssueChanges() {
        super(CHANNEL);
    }

    @Override
    public void received(String payload) {
        int space = payload.indexOf(' ');
        UUID id;
        try {
            id = UUID.fromString(payload.substring(space + 1));
        } catch (IllegalArgumentException e) {
            tell(Listener::everythingChanged);
            return;
        }
        switch (payload.substring(0, Math.max(space, 0))) {
            case "issue" -> tell(listener -> listener.issueChanged(new IssueId(id)));
            case "member" -> tell(listener -> listener.membershipsChanged(new UserId(id)));
            default -> tell(Listener::everythingChanged);
        }
    }

    /** Tells this instance's listeners that {@code issue} changed once {@code handle}'s writes are committed. */
    void changedHere(Handle handle, IssueId issue) {
        tellAfterCommit(handle, listener -> listener.issueChanged(issue));
    }

    /** Tells this instance's listeners that {@code issues} changed once {@code handle}'s writes are committed. */
    public void changedHere(Handle handle, Collection<IssueId> issues) {
        if (!issues.isEmpty()) {
            tellAfterCommit(handle, listener -> issues.forEach(listener::issueChanged));
        }
    }
}
