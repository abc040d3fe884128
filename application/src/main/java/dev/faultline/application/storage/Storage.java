package dev.faultline.application.storage;

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
 * One storage backend: every repository, and the units of work and locks that hold across them. The repositories,
 * {@link #transactions()}, {@link #grantLocks()} and {@link #exclusiveJobs()} of one {@code Storage} work together
 * (a repository call made inside one of its units of work joins it); parts of two backends must never be mixed.
 * Each method returns the same object every time.
 */
public interface Storage {
    Transactions transactions();

    GrantLocks grantLocks();

    ExclusiveJobs exclusiveJobs();

    Clients clients();

    AuthorizationCodes authorizationCodes();

    TokenChains tokenChains();

    /** The changes of {@link #tokenChains()} that can alter whether an access token is admitted. */
    ChainChanges chainChanges();

    PersonalTokens personalTokens();

    BrowserSessions browserSessions();

    SigningKeyStore signingKeys();

    Users users();

    SignInAttempts signInAttempts();

    AddressSignInFailures addressSignInFailures();

    Applications applications();

    Memberships memberships();

    Issues issues();

    Events events();

    Notes notes();

    IssueActivities issueActivities();

    IssueTallies issueTallies();

    IssueRevisions issueRevisions();

    /** News of changed issue revisions and lost memberships, for a cache of {@link #issueRevisions()}. */
    IssueChanges issueChanges();

    IngestedEvents ingestedEvents();

    IssueGroupings issueGroupings();

    EventRetention eventRetention();

    IngestIds ingestIds();

    IngestKeys ingestKeys();
}
