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
import dev.faultline.adapters.inmemory.tracker.InMemoryApplications;
import dev.faultline.adapters.inmemory.tracker.InMemoryEvents;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssues;
import dev.faultline.adapters.inmemory.tracker.InMemoryMemberships;
import dev.faultline.adapters.inmemory.tracker.InMemoryNotes;
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

/**
 * Every repository in this process's memory, empty at first and gone at exit: for tests. Its units of work run one
 * at a time and roll back what they wrote on failure ({@link InMemoryTransactions}); its grant locks and exclusive
 * jobs hold within this process only.
 */
public final class InMemoryStorage implements Storage {
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

    public InMemoryStorage() {
        this.transactions = new InMemoryTransactions();
        this.grantLocks = new InMemoryGrantLocks();
        this.exclusiveJobs = new InMemoryExclusiveJobs();
        this.clients = new InMemoryClients();
        this.authorizationCodes = new InMemoryAuthorizationCodes();
        this.tokenChains = new InMemoryTokenChains();
        this.personalTokens = new InMemoryPersonalTokens();
        this.browserSessions = new InMemoryBrowserSessions();
        this.signingKeys = new InMemorySigningKeyStore();
        this.users = new InMemoryUsers();
        this.signInAttempts = new InMemorySignInAttempts();
        this.addressSignInFailures = new InMemoryAddressSignInFailures();
        this.applications = new InMemoryApplications();
        this.memberships = new InMemoryMemberships();
        this.issues = new InMemoryIssues();
        this.events = new InMemoryEvents();
        this.notes = new InMemoryNotes();
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
