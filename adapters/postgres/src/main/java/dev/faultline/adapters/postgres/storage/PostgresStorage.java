package dev.faultline.adapters.postgres.storage;

import dev.faultline.adapters.postgres.JdbiTransactions;
import dev.faultline.adapters.postgres.PostgresExclusiveJobs;
import dev.faultline.adapters.postgres.access.PostgresAuthorizationCodes;
import dev.faultline.adapters.postgres.access.PostgresBrowserSessions;
import dev.faultline.adapters.postgres.access.PostgresClients;
import dev.faultline.adapters.postgres.access.PostgresGrantLocks;
import dev.faultline.adapters.postgres.access.PostgresPersonalTokens;
import dev.faultline.adapters.postgres.access.PostgresSigningKeyStore;
import dev.faultline.adapters.postgres.access.PostgresTokenChains;
import dev.faultline.adapters.postgres.account.PostgresAddressSignInFailures;
import dev.faultline.adapters.postgres.account.PostgresSignInAttempts;
import dev.faultline.adapters.postgres.account.PostgresUsers;
import dev.faultline.adapters.postgres.tracker.PostgresApplications;
import dev.faultline.adapters.postgres.tracker.PostgresEvents;
import dev.faultline.adapters.postgres.tracker.PostgresIssues;
import dev.faultline.adapters.postgres.tracker.PostgresMemberships;
import dev.faultline.adapters.postgres.tracker.PostgresNotes;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.BrowserSessions;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.SigningKeyStore;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.ExclusiveJobs;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.storage.Storage;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Events;
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
public final class PostgresStorage implements Storage {
    private final Transactions transactions;
    private final GrantLocks grantLocks;
    private final ExclusiveJobs exclusiveJobs;
    private final Clients clients;
    private final AuthorizationCodes authorizationCodes;
    private final TokenChains tokenChains;
    private final PersonalTokens personalTokens;
    private final BrowserSessions browserSessions;
    private final SigningKeyStore signingKeys;
    private final Users users;
    private final SignInAttempts signInAttempts;
    private final AddressSignInFailures addressSignInFailures;
    private final Applications applications;
    private final Memberships memberships;
    private final Issues issues;
    private final Events events;
    private final Notes notes;

    public PostgresStorage(Jdbi jdbi) {
        Objects.requireNonNull(jdbi, "jdbi");
        this.transactions = new JdbiTransactions(jdbi);
        this.grantLocks = new PostgresGrantLocks(jdbi);
        this.exclusiveJobs = new PostgresExclusiveJobs(jdbi);
        this.clients = new PostgresClients(jdbi);
        this.authorizationCodes = new PostgresAuthorizationCodes(jdbi);
        this.tokenChains = new PostgresTokenChains(jdbi);
        this.personalTokens = new PostgresPersonalTokens(jdbi);
        this.browserSessions = new PostgresBrowserSessions(jdbi);
        this.signingKeys = new PostgresSigningKeyStore(jdbi);
        this.users = new PostgresUsers(jdbi);
        this.signInAttempts = new PostgresSignInAttempts(jdbi);
        this.addressSignInFailures = new PostgresAddressSignInFailures(jdbi);
        this.applications = new PostgresApplications(jdbi);
        this.memberships = new PostgresMemberships(jdbi);
        this.issues = new PostgresIssues(jdbi);
        this.events = new PostgresEvents(jdbi);
        this.notes = new PostgresNotes(jdbi);
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public GrantLocks grantLocks() {
        return grantLocks;
    }

    @Override
    public ExclusiveJobs exclusiveJobs() {
        return exclusiveJobs;
    }

    @Override
    public Clients clients() {
        return clients;
    }

    @Override
    public AuthorizationCodes authorizationCodes() {
        return authorizationCodes;
    }

    @Override
    public TokenChains tokenChains() {
        return tokenChains;
    }

    @Override
    public PersonalTokens personalTokens() {
        return personalTokens;
    }

    @Override
    public BrowserSessions browserSessions() {
        return browserSessions;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public SignInAttempts signInAttempts() {
        return signInAttempts;
    }

    @Override
    public AddressSignInFailures addressSignInFailures() {
        return addressSignInFailures;
    }

    @Override
    public Applications applications() {
        return applications;
    }

    @Override
    public Memberships memberships() {
        return memberships;
    }

    @Override
    public Issues issues() {
        return issues;
    }

    @Override
    public Events events() {
        return events;
    }

    @Override
    public Notes notes() {
        return notes;
    }
}
