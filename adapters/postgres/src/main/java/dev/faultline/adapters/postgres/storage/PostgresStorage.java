package dev.faultline.adapters.postgres.storage;

import dev.faultline.adapters.postgres.JdbiTransactions;
import dev.faultline.adapters.postgres.PostgresExclusiveJobs;
import dev.faultline.adapters.postgres.access.PostgresAuthorizationCodes;
import dev.faultline.adapters.postgres.access.PostgresBrowserSessions;
import dev.faultline.adapters.postgres.access.PostgresChainChanges;
import dev.faultline.adapters.postgres.access.PostgresClients;
import dev.faultline.adapters.postgres.access.PostgresGrantLocks;
import dev.faultline.adapters.postgres.access.PostgresPersonalTokens;
import dev.faultline.adapters.postgres.access.PostgresSigningKeyStore;
import dev.faultline.adapters.postgres.access.PostgresTokenChains;
import dev.faultline.adapters.postgres.account.PostgresAddressSignInFailures;
import dev.faultline.adapters.postgres.account.PostgresSignInAttempts;
import dev.faultline.adapters.postgres.account.PostgresUsers;
import dev.faultline.adapters.postgres.intake.PostgresEventRetention;
import dev.faultline.adapters.postgres.intake.PostgresIngestedEvents;
import dev.faultline.adapters.postgres.intake.PostgresIssueGroupings;
import dev.faultline.adapters.postgres.intake.PostgresIngestIds;
import dev.faultline.adapters.postgres.intake.PostgresIngestKeys;
import dev.faultline.adapters.postgres.tracker.PostgresApplications;
import dev.faultline.adapters.postgres.tracker.PostgresEvents;
import dev.faultline.adapters.postgres.tracker.PostgresIssueActivities;
import dev.faultline.adapters.postgres.tracker.PostgresIssueChanges;
import dev.faultline.adapters.postgres.tracker.PostgresIssueRevisions;
import dev.faultline.adapters.postgres.tracker.PostgresIssueTallies;
import dev.faultline.adapters.postgres.tracker.PostgresIssues;
import dev.faultline.adapters.postgres.tracker.PostgresMemberships;
import dev.faultline.adapters.postgres.tracker.PostgresNotes;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.ChainChanges;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.intake.port.out.EventRetention;
import dev.faultline.application.intake.port.out.IngestedEvents;
import dev.faultline.application.intake.port.out.IssueGroupings;
import dev.faultline.application.intake.port.out.IngestIds;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.application.shared.ExclusiveJobs;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.application.tracker.port.out.IssueChanges;
import dev.faultline.application.tracker.port.out.IssueRevisions;
import dev.faultline.application.tracker.port.out.IssueTallies;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.application.tracker.port.out.Notes;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Every repository on one PostgreSQL database through one {@link Jdbi}: a repository call made inside
 * {@link #transactions()} on the same thread joins that transaction (see {@link JdbiTransactions}), the grant locks are
 * row locks on {@code users} and exclusive jobs are advisory locks, so they hold across every instance sharing the
 * database. The schema must be migrated ({@link dev.faultline.adapters.postgres.Database#migrate}).
 */
public record PostgresStorage(
        Transactions transactions,
        GrantLocks grantLocks,
        ExclusiveJobs exclusiveJobs,
        Clients clients,
        AuthorizationCodes authorizationCodes,
        TokenChains tokenChains,
        ChainChanges chainChanges,
        PersonalTokens personalTokens,
        BrowserSessions browserSessions,
        SigningKeyStore signingKeys,
        Users users,
        SignInAttempts signInAttempts,
        AddressSignInFailures addressSignInFailures,
        Applications applications,
        Memberships memberships,
        Issues issues,
        Events events,
        Notes notes,
        IssueActivities issueActivities,
        IssueTallies issueTallies,
        IssueRevisions issueRevisions,
        IssueChanges issueChanges,
        IngestedEvents ingestedEvents,
        IssueGroupings issueGroupings,
        EventRetention eventRetention,
        IngestIds ingestIds,
        IngestKeys ingestKeys) implements Storage {

    /** Storage whose change feeds never connect (caches over them always read the database). */
    public static PostgresStorage on(Jdbi jdbi) {
        return on(jdbi, PostgresChainChanges.silent(), PostgresIssueChanges.silent());
    }

    /**
     * Storage whose chain and issue changes come from {@code changes} and {@code issueChanges} (which the caller has
     * a {@link dev.faultline.adapters.postgres.PostgresNotices} carry, and starts and closes).
     */
    public static PostgresStorage on(Jdbi jdbi, PostgresChainChanges changes, PostgresIssueChanges issueChanges) {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(issueChanges, "issueChanges");
        return new PostgresStorage(
                new JdbiTransactions(jdbi),
                new PostgresGrantLocks(jdbi),
                new PostgresExclusiveJobs(jdbi),
                new PostgresClients(jdbi),
                new PostgresAuthorizationCodes(jdbi),
                new PostgresTokenChains(jdbi, changes),
                changes,
                new PostgresPersonalTokens(jdbi),
                new PostgresBrowserSessions(jdbi),
                new PostgresSigningKeyStore(jdbi),
                new PostgresUsers(jdbi),
                new PostgresSignInAttempts(jdbi),
                new PostgresAddressSignInFailures(jdbi),
                new PostgresApplications(jdbi),
                new PostgresMemberships(jdbi),
                new PostgresIssues(jdbi, issueChanges),
                new PostgresEvents(jdbi),
                new PostgresNotes(jdbi, issueChanges),
                new PostgresIssueActivities(jdbi, issueChanges),
                new PostgresIssueTallies(jdbi),
                new PostgresIssueRevisions(jdbi),
                issueChanges,
                new PostgresIngestedEvents(jdbi),
                new PostgresIssueGroupings(jdbi),
                new PostgresEventRetention(jdbi, issueChanges),
                new PostgresIngestIds(jdbi),
                new PostgresIngestKeys(jdbi));
    }
}
