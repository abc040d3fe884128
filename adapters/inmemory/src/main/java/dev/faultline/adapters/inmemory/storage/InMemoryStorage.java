package dev.faultline.adapters.inmemory.storage;

import dev.faultline.adapters.inmemory.InMemoryExclusiveJobs;
import dev.faultline.adapters.inmemory.InMemorySigningKeyStore;
import dev.faultline.adapters.inmemory.InMemoryTransactions;
import dev.faultline.adapters.inmemory.access.InMemoryAuthorizationCodes;
import dev.faultline.adapters.inmemory.access.InMemoryBrowserSessions;
import dev.faultline.adapters.inmemory.access.InMemoryClients;
import dev.faultline.adapters.inmemory.access.InMemoryGrantLocks;
import dev.faultline.adapters.inmemory.access.InMemoryPersonalTokens;
import dev.faultline.adapters.inmemory.access.InMemoryTokenChains;
import dev.faultline.adapters.inmemory.account.InMemoryAddressSignInFailures;
import dev.faultline.adapters.inmemory.account.InMemorySignInAttempts;
import dev.faultline.adapters.inmemory.account.InMemoryUsers;
import dev.faultline.adapters.inmemory.intake.InMemoryEventRetention;
import dev.faultline.adapters.inmemory.intake.InMemoryIngestedEvents;
import dev.faultline.adapters.inmemory.intake.InMemoryIssueGroupings;
import dev.faultline.adapters.inmemory.intake.InMemoryIngestKeys;
import dev.faultline.adapters.inmemory.tracker.InMemoryApplications;
import dev.faultline.adapters.inmemory.tracker.InMemoryEvents;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueActivities;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueChanges;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueRevisions;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueTallies;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssues;
import dev.faultline.adapters.inmemory.tracker.InMemoryMemberships;
import dev.faultline.adapters.inmemory.tracker.InMemoryNotes;
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

/**
 * Every repository in this process's memory, empty at first and gone at exit: for tests. Its units of work run one
 * at a time and roll back what they wrote on failure ({@link InMemoryTransactions}); its grant locks and exclusive
 * jobs hold within this process only.
 */
public record InMemoryStorage(
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

    public static InMemoryStorage empty() {
        InMemoryIssueChanges changes = new InMemoryIssueChanges();
        InMemoryApplications applications = new InMemoryApplications();
        InMemoryEvents events = new InMemoryEvents(changes);
        InMemoryIssueActivities activities = new InMemoryIssueActivities(changes);
        InMemoryIssueTallies tallies = new InMemoryIssueTallies();
        InMemoryIssues issues = new InMemoryIssues(tallies, activities, changes);
        InMemoryMemberships memberships = new InMemoryMemberships();
        InMemoryIngestedEvents documents = new InMemoryIngestedEvents();
        InMemoryTokenChains chains = new InMemoryTokenChains();
        return new InMemoryStorage(
                new InMemoryTransactions(),
                new InMemoryGrantLocks(),
                new InMemoryExclusiveJobs(),
                new InMemoryClients(),
                new InMemoryAuthorizationCodes(),
                chains,
                chains.changes(),
                new InMemoryPersonalTokens(),
                new InMemoryBrowserSessions(),
                new InMemorySigningKeyStore(),
                new InMemoryUsers(),
                new InMemorySignInAttempts(),
                new InMemoryAddressSignInFailures(),
                applications,
                memberships,
                issues,
                events,
                new InMemoryNotes(changes),
                activities,
                tallies,
                new InMemoryIssueRevisions(issues, memberships, changes),
                changes,
                documents,
                new InMemoryIssueGroupings(),
                new InMemoryEventRetention(events, issues, activities, documents),
                applications,
                new InMemoryIngestKeys());
    }
}
