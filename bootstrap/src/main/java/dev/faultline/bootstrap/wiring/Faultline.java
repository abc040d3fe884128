package dev.faultline.bootstrap.wiring;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.adapters.clientmetadata.FetchSettings;
import dev.faultline.adapters.clientmetadata.JettyClientMetadataDocuments;
import dev.faultline.adapters.crypto.Argon2idPasswordHasher;
import dev.faultline.adapters.crypto.BoundedPasswordChecks;
import dev.faultline.adapters.crypto.EncryptedSigningKeyStore;
import dev.faultline.adapters.crypto.JwtAccessTokenCodec;
import dev.faultline.adapters.crypto.SecureSecretGenerator;
import dev.faultline.adapters.crypto.SignatureProvider;
import dev.faultline.adapters.postgres.PostgresNotices;
import dev.faultline.adapters.postgres.access.PostgresChainChanges;
import dev.faultline.adapters.postgres.tracker.PostgresIssueChanges;
import dev.faultline.adapters.postgres.storage.PostgresStorage;
import dev.faultline.application.access.AccessPolicy;
import dev.faultline.application.access.AuthenticateBearerService;
import dev.faultline.application.access.AuthorizedClientCache;
import dev.faultline.application.access.ChainStateCache;
import dev.faultline.application.tracker.IssueRevisionCache;
import dev.faultline.application.access.ClientDirectory;
import dev.faultline.application.access.ClientMetadataCachePolicy;
import dev.faultline.application.access.ClientMetadataDocumentCache;
import dev.faultline.application.access.RevokeAllAccessService;
import dev.faultline.application.access.port.in.AuthenticateBearer;
import dev.faultline.application.access.port.in.PurgeExpiredGrants;
import dev.faultline.application.access.port.in.RevokeAllAccess;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.application.shared.ExclusiveJobs;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.storage.Storage;
import dev.faultline.bootstrap.config.AccessSettings;
import dev.faultline.bootstrap.config.ClientMetadataSettings;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.config.SignInSettings;
import dev.faultline.bootstrap.database.DatabaseConnection;
import dev.faultline.bootstrap.database.EmbeddedDatabase;
import dev.faultline.bootstrap.purge.PurgeStep;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faultline wired together: the database, the repositories over it and the use cases on top. The server and
 * every CLI command open one of these from the same configuration, so they all behave the same.
 */
public final class Faultline implements AutoCloseable {
    private final FaultlineConfiguration configuration;
    private final DatabaseConnection database;
    private final Clock clock;
    private final int migrationsApplied;
    private final Transactions transactions;
    private final ExclusiveJobs exclusiveJobs;
    /** Every instance reloads keys each minute; three minutes leave room for a slow or restarting one. */
    public static final Duration KEY_RELOAD_INTERVAL = Duration.ofMinutes(1);
    static final Duration KEY_ACTIVATION_DELAY = Duration.ofMinutes(3);

    private final PersistentSigningKeys signingKeys;
    private final SigningKeyRotation keyRotation;
    private final SignatureProvider signatures;
    private final AccessTokenCodec accessTokenCodec;
    private final AccountUseCases account;
    private final TrackerUseCases tracker;
    private final IntakeUseCases intake;
    private final PersonalTokenUseCases personalTokens;
    private final RevokeAllAccess revokeAllAccess;
    private final OAuthUseCases oauth;
    private final AuthenticateBearer authenticateBearer;
    private final BrowserSessionUseCases browserSessions;
    private final Optional<JettyClientMetadataDocuments> clientMetadataDocuments;
    private final PostgresNotices notices;
    private final ChainStateCache chainStates;
    private final IssueRevisionCache issueRevisions;

    private Faultline(FaultlineConfiguration configuration, DatabaseConnection database, Clock clock,
                      int migrationsApplied, PasswordHasher passwordHasher) {
        this.configuration = configuration;
        this.database = database;
        this.clock = clock;
        this.migrationsApplied = migrationsApplied;
        AccessSettings accessSettings = configuration.getAccess();
        PostgresChainChanges chainChanges = PostgresChainChanges.silent();
        PostgresIssueChanges issueChanges = PostgresIssueChanges.silent();
        this.notices = new PostgresNotices(database::openUnpooled,
                accessSettings.getChainListenerCheckInterval().toJavaDuration(),
                accessSettings.getChainListenerRetryDelay().toJavaDuration()).carrying(chainChanges, issueChanges);
        Storage storage = PostgresStorage.on(database.jdbi(), chainChanges, issueChanges);
        int issueRevisionCacheSize = configuration.getMcp().getIssueRevisionCacheSize();
        this.issueRevisions = IssueRevisionCache.listeningTo(storage.issueChanges(), storage.issueRevisions(),
                issueRevisionCacheSize);
        this.transactions = storage.transactions();
        this.exclusiveJobs = storage.exclusiveJobs();
        SecretGenerator secrets = new SecureSecretGenerator();
        EncryptedSigningKeyStore keyStore = KeyEncryptionKeySource.open(configuration.getAccess().getKeyEncryptionKey(),
                java.nio.file.Path.of(configuration.getDatabase().getEmbeddedDataDirectory()),
                storage.signingKeys());
        this.signingKeys = new PersistentSigningKeys(keyStore, clock, KEY_ACTIVATION_DELAY);
        Duration tokenLifetimeWithSkew = configuration.getAccess().getAccessTokenLifetime().toJavaDuration()
                .plusSeconds(JwtAccessTokenCodec.DEFAULT_CLOCK_SKEW_SECONDS);
        this.keyRotation = new SigningKeyRotation(keyStore, signingKeys, exclusiveJobs,
                configuration.getAccess().getSigningKeyRotationPeriod().toJavaDuration(), tokenLifetimeWithSkew, clock);
        this.signatures = accessSettings.isNativeSignatures()
                ? SignatureProvider.nativeIfAvailable() : SignatureProvider.jdk();
        this.accessTokenCodec = new JwtAccessTokenCodec(signingKeys,
                Duration.ofSeconds(JwtAccessTokenCodec.DEFAULT_CLOCK_SKEW_SECONDS),
                accessSettings.getVerifiedTokenCacheSize(), signatures);
        SignInSettings signIn = configuration.getSignIn();
        this.account = AccountUseCases.wire(storage,
                new BoundedPasswordChecks(signIn.passwordChecksAtOnce(), signIn.getPasswordCheckWait().toJavaDuration()),
                passwordHasher, signIn.signInThrottle(), signIn.addressSignInLimit(), clock);
        this.tracker = TrackerUseCases.wire(storage, clock);
        this.intake = IntakeUseCases.wire(storage, issueRevisions,
                configuration.getIngest().baseUrl(configuration.getPublicBaseUrl()),
                configuration.getIngest().getMaxKeysPerApplication(), clock);
        this.personalTokens = PersonalTokenUseCases.wire(storage, secrets, clock);
        this.revokeAllAccess = new RevokeAllAccessService(storage.grantLocks(), storage.authorizationCodes(),
                storage.tokenChains(), storage.personalTokens(), storage.browserSessions(), transactions, clock);
        ClientMetadataSettings clientMetadata = configuration.getClientMetadata();
        this.clientMetadataDocuments = clientMetadata.isEnabled()
                ? Optional.of(new JettyClientMetadataDocuments(fetchSettings(clientMetadata)))
                : Optional.empty();
        Clients clients = new AuthorizedClientCache(storage.clients(), accessSettings.getClientCacheSize());
        ClientDirectory directory = clientMetadataDocuments
                .map(documents -> new ClientDirectory(clients, new ClientMetadataDocumentCache(documents,
                        new ClientMetadataCachePolicy(clientMetadata.getMinCacheLifetime().toJavaDuration(),
                                clientMetadata.getMaxCacheLifetime().toJavaDuration(),
                                clientMetadata.getMaxCachedDocuments()), clientMetadata.fetchLimit(), clock), clock))
                .orElseGet(() -> ClientDirectory.registeredOnly(clients));
        this.oauth = OAuthUseCases.wire(accessPolicy(configuration), storage, directory,
                clientMetadataDocuments.isPresent(), secrets, accessTokenCodec, clock);
        this.browserSessions = BrowserSessionUseCases.wire(storage, secrets,
                configuration.getAccess().browserSessionLifetimes(), clock);
        this.chainStates = ChainStateCache.listeningTo(storage.chainChanges(), storage.tokenChains(),
                accessSettings.getChainCacheSize());
        this.authenticateBearer = new AuthenticateBearerService(accessTokenCodec, storage.tokenChains(), chainStates,
                personalTokens.authenticate(), oauth.policy(), clock);
        if (accessSettings.getChainCacheSize() > 0 || issueRevisionCacheSize > 0) {
            notices.start();
        }
    }

    private static FetchSettings fetchSettings(ClientMetadataSettings settings) {
        Optional<KeyStore> trustStore = Optional.empty();
        if (!settings.getTrustStore().isEmpty()) {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                    java.nio.file.Path.of(settings.getTrustStore()))) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, settings.getTrustStorePassword().toCharArray());
                trustStore = Optional.of(store);
            } catch (Exception e) {
                throw new IllegalStateException("clientMetadata.trustStore " + settings.getTrustStore()
                        + " could not be read as PKCS#12 with the configured password", e);
            }
        }
        return new FetchSettings(settings.getTimeout().toJavaDuration(),
                Math.toIntExact(settings.getMaxDocumentSize().toBytes()), trustStore,
                settings.isAllowLoopbackForTests());
    }

    private static AccessPolicy accessPolicy(FaultlineConfiguration configuration) {
        AccessSettings access = configuration.getAccess();
        return new AccessPolicy(configuration.getPublicBaseUrl(),
                access.getAuthorizationCodeLifetime().toJavaDuration(),
                access.getAccessTokenLifetime().toJavaDuration(),
                access.getRefreshTokenLifetime().toJavaDuration(),
                access.getAbandonedClientTtl().toJavaDuration(),
                access.getRefreshReuseGrace().toJavaDuration(),
                access.getEndedGrantRetention().toJavaDuration(),
                access.getSecurityEventRetention().toJavaDuration(),
                access.getGrantLifetime().toJavaDuration(),
                configuration.getPurge().getBatchSize());
    }

    /**
     * Starts the database if embedded, migrates the schema, and wires everything, as the server: it refuses an
     * embedded database that a running Faultline has started ({@link dev.faultline.bootstrap.database.DatabaseInUse}).
     */
    public static Faultline open(FaultlineConfiguration configuration, MetricRegistry metrics) {
        return open(configuration, metrics, EmbeddedDatabase.Sharing.OWN_IT, new Argon2idPasswordHasher());
    }

    /** As {@link #open(FaultlineConfiguration, MetricRegistry)}; {@code sharing} says what to do with a running one. */
    public static Faultline open(FaultlineConfiguration configuration, MetricRegistry metrics,
                                 EmbeddedDatabase.Sharing sharing) {
        return open(configuration, metrics, sharing, new Argon2idPasswordHasher());
    }

    /** As {@link #open(FaultlineConfiguration, MetricRegistry)} with another password hasher (tests count or hold it). */
    public static Faultline open(FaultlineConfiguration configuration, MetricRegistry metrics,
            PasswordHasher passwordHasher) {
        return open(configuration, metrics, EmbeddedDatabase.Sharing.OWN_IT, passwordHasher);
    }

    private static Faultline open(FaultlineConfiguration configuration, MetricRegistry metrics,
            EmbeddedDatabase.Sharing sharing, PasswordHasher passwordHasher) {
        DatabaseConnection database = DatabaseConnection.open(configuration.getDatabase(), metrics, sharing);
        try {
            int applied = database.migrate();
            return new Faultline(configuration, database, Clock.systemUTC(), applied, passwordHasher);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public FaultlineConfiguration configuration() {
        return configuration;
    }

    public DatabaseConnection database() {
        return database;
    }

    /** How many schema migrations opening this instance applied. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    public Clock clock() {
        return clock;
    }

    public Transactions transactions() {
        return transactions;
    }

    public ExclusiveJobs exclusiveJobs() {
        return exclusiveJobs;
    }

    public PersistentSigningKeys signingKeys() {
        return signingKeys;
    }

    public SigningKeyRotation keyRotation() {
        return keyRotation;
    }

    /** Who signs and verifies access tokens (native where it loads, else the JDK). */
    public SignatureProvider signatures() {
        return signatures;
    }

    public AccessTokenCodec accessTokenCodec() {
        return accessTokenCodec;
    }

    public AccountUseCases account() {
        return account;
    }

    public TrackerUseCases tracker() {
        return tracker;
    }

    /** Ingest keys, DSNs, and authenticating the key an SDK presents. */
    public IntakeUseCases intake() {
        return intake;
    }

    public OAuthUseCases oauth() {
        return oauth;
    }

    /** Who is behind a bearer token on the MCP resource (access token or personal token). */
    public AuthenticateBearer authenticateBearer() {
        return authenticateBearer;
    }

    /** The grant states the bearer check keeps in memory, kept exact by the database's notices. */
    public ChainStateCache chainStates() {
        return chainStates;
    }

    /** The issue revisions behind every kept get_issue answer (a test waits on what it has heard). */
    public IssueRevisionCache issueRevisions() {
        return issueRevisions;
    }

    public BrowserSessionUseCases browserSessions() {
        return browserSessions;
    }

    public PersonalTokenUseCases personalTokens() {
        return personalTokens;
    }

    /** My Integrations' "revoke everything": every OAuth grant and every personal token of one user. */
    public RevokeAllAccess revokeAllAccess() {
        return revokeAllAccess;
    }

    /** Everything the scheduled purge (and the {@code purge} command) deletes, in order. */
    public List<PurgeStep> purgeSteps() {
        AccessSettings access = configuration.getAccess();
        int batch = configuration.getPurge().getBatchSize();
        return List.of(
                () -> {
                    PurgeExpiredGrants.Result grants = oauth.purgeExpiredGrants().purge();
                    return Map.of("authorization_codes", (long) grants.codes(), "token_chains", (long) grants.chains(),
                            "abandoned_clients", (long) grants.clients());
                },
                () -> Map.of("browser_sessions", browserSessions.purge().purgeEndedBrowserSessions(
                        access.getEndedGrantRetention().toJavaDuration(), batch)),
                () -> Map.of("personal_tokens", personalTokens.purge().purgeEndedPersonalTokens(
                        access.getEndedGrantRetention().toJavaDuration(), batch)),
                () -> Map.of("sign_in_failures", account.purgeStaleSignInFailures().purgeStaleSignInFailures()),
                () -> Map.of("events", intake.purgeExpendableEvents().purgeExpendableEvents(
                        configuration.getPurge().retentionLimits(), batch)));
    }

    @Override
    public void close() {
        notices.close();
        clientMetadataDocuments.ifPresent(documents -> {
            try {
                documents.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the client metadata fetcher", e);
            }
        });
        database.close();
    }
}
