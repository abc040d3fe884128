package dev.faultline.adapters.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
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
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueActivities;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueChanges;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueRevisions;
import dev.faultline.adapters.inmemory.tracker.InMemoryIssueTallies;
import dev.faultline.adapters.inmemory.tracker.InMemoryNotes;
import dev.faultline.adapters.pages.session.SessionCookies;
import dev.faultline.application.access.AccessPolicy;
import dev.faultline.application.access.ApproveAuthorizationService;
import dev.faultline.application.access.AuthenticatePersonalTokenService;
import dev.faultline.application.access.BeginAuthorizationService;
import dev.faultline.application.access.CreatePersonalTokenService;
import dev.faultline.application.access.DenyAuthorizationService;
import dev.faultline.application.access.EndBrowserSessionService;
import dev.faultline.application.access.ExchangeAuthorizationCodeService;
import dev.faultline.application.access.ListIntegrationsService;
import dev.faultline.application.access.ListPersonalTokensService;
import dev.faultline.application.access.ListSecurityEventsService;
import dev.faultline.application.access.RefreshTokensService;
import dev.faultline.application.access.RegisterClientService;
import dev.faultline.application.access.ResolveBrowserSessionService;
import dev.faultline.application.access.RevokeAllAccessService;
import dev.faultline.application.access.RevokeIntegrationService;
import dev.faultline.application.access.RevokePersonalTokenService;
import dev.faultline.application.access.StartBrowserSessionService;
import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.access.testing.FakeAccessTokenCodec;
import dev.faultline.application.access.testing.FakeSecretGenerator;
import dev.faultline.application.account.CreateUserService;
import dev.faultline.application.account.LookUpDisplayNamesService;
import dev.faultline.application.account.SignInService;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.testing.FakePasswordCheckPermits;
import dev.faultline.application.testing.FakePasswordHasher;
import dev.faultline.application.testing.MutableClock;
import dev.faultline.application.tracker.AddMemberService;
import dev.faultline.application.tracker.AddNoteService;
import dev.faultline.application.tracker.AssignIssueService;
import dev.faultline.application.tracker.CreateApplicationService;
import dev.faultline.adapters.inmemory.intake.InMemoryIngestedEvents;
import dev.faultline.adapters.inmemory.intake.InMemoryIssueGroupings;
import dev.faultline.application.intake.GetCrashReportService;
import dev.faultline.application.intake.GetIssueInFullService;
import dev.faultline.application.intake.IngestEventService;
import dev.faultline.application.tracker.EventRecorder;
import dev.faultline.domain.intake.GroupingPolicyV1;
import dev.faultline.application.tracker.ListApplicationsService;
import dev.faultline.application.tracker.ListIssuesService;
import dev.faultline.application.tracker.MuteIssueService;
import dev.faultline.application.tracker.RecordEventService;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.in.RecordEvent;
import dev.faultline.domain.access.BrowserSession;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.SignInThrottle;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.CrashReport;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import dev.faultline.domain.tracker.Role;
import dev.faultline.domain.tracker.StackFrame;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.dropwizard.views.common.ViewMessageBodyWriter;
import io.dropwizard.views.mustache.MustacheViewRenderer;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.client.ClientProperties;

/**
 * The page resources wired to the in-memory adapters with a test clock, as bootstrap wires them to the real
 * ones, plus the browser steps tests repeat: sign in, open the consent page, read cookies and hidden fields.
 */
final class PagesHarness {
    static final String ISSUER = "https://faultline.example";
    static final String PASSWORD = "correct horse battery staple";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = PkceChallenge.derivedFrom(VERIFIER).value();
    static final String SESSION_COOKIE = "__Host-faultline_session";
    static final String CSRF_COOKIE = "__Host-faultline_csrf";

    final MutableClock clock = MutableClock.startingAt("2026-11-23T10:00:00Z");
    final AccessPolicy policy = AccessPolicy.defaults(ISSUER);
    final InMemoryUsers users = new InMemoryUsers();
    final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    final InMemoryAddressSignInFailures addressFailures = new InMemoryAddressSignInFailures();
    final AddressSignInLimit addressLimit = new AddressSignInLimit(1000, java.time.Duration.ofMinutes(15));
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakePasswordCheckPermits permits = new FakePasswordCheckPermits();
    final InMemoryClients clients = new InMemoryClients();
    final InMemoryAuthorizationCodes codes = new InMemoryAuthorizationCodes();
    final InMemoryBrowserSessions sessions = new InMemoryBrowserSessions();
    final FakeSecretGenerator secrets = new FakeSecretGenerator();
    final InMemoryTransactions transactions = new InMemoryTransactions();
    final SessionCookies cookies = SessionCookies.forIssuer(ISSUER);
    final BrowserSession.Lifetimes lifetimes = BrowserSession.Lifetimes.defaults();

    final InMemoryTokenChains chains = new InMemoryTokenChains();
    final InMemoryGrantLocks grantLocks = new InMemoryGrantLocks();
    final InMemoryPersonalTokens personalTokens = new InMemoryPersonalTokens();
    final FakeAccessTokenCodec codec = new FakeAccessTokenCodec();

    final CreateUserService createUser = new CreateUserService(users, hasher, clock);
    final ApproveAuthorizationService approve = new ApproveAuthorizationService(clients, codes, grantLocks, secrets,
            transactions, policy, clock);
    final ExchangeAuthorizationCodeService exchange = new ExchangeAuthorizationCodeService(clients, codes, chains,
            grantLocks, secrets, codec, transactions, policy, clock);
    final RefreshTokensService refresh = new RefreshTokensService(clients, chains, grantLocks, secrets, codec, transactions,
            policy, clock);
    final AuthenticatePersonalTokenService authenticatePersonalToken =
            new AuthenticatePersonalTokenService(personalTokens, clock);
    final CreatePersonalTokenService createPersonalToken = new CreatePersonalTokenService(personalTokens, grantLocks,
            secrets, transactions, clock);
    final RegisterClientService register = new RegisterClientService(clients, secrets, clock);
    final StartBrowserSessionService startSession = new StartBrowserSessionService(sessions, grantLocks, secrets, transactions,
            lifetimes, clock);
    final ResolveBrowserSessionService resolve = new ResolveBrowserSessionService(sessions, users, lifetimes, clock);
    final SettingsForms settingsForms = new SettingsForms(resolve, cookies, policy.issuer());
    final IntegrationsPage integrationsPage = new IntegrationsPage(new ListIntegrationsService(clients, chains, clock),
            new ListPersonalTokensService(personalTokens, clock), new ListSecurityEventsService(clients, chains),
            policy.mcpResource().uri());

    final InMemoryApplications applications = new InMemoryApplications();
    final InMemoryMemberships memberships = new InMemoryMemberships();
    final InMemoryIssueChanges changes = new InMemoryIssueChanges();
    final InMemoryEvents events = new InMemoryEvents(changes);
    final InMemoryNotes notes = new InMemoryNotes(changes);
    final InMemoryIssueActivities activities = new InMemoryIssueActivities(changes);
    final InMemoryIssueTallies tallies = new InMemoryIssueTallies();
    final InMemoryIssues issues = new InMemoryIssues(tallies, activities, changes);
    final InMemoryIngestedEvents ingested = new InMemoryIngestedEvents();
    final InMemoryIssueGroupings groupings = new InMemoryIssueGroupings();
    final IngestEventService ingest = new IngestEventService(new GroupingPolicyV1(), applications, ingested,
            groupings, new EventRecorder(issues, events, activities, tallies), transactions);
    final CreateApplicationService createApplication =
            new CreateApplicationService(applications, memberships, users, transactions, clock);
    final AddMemberService addMember = new AddMemberService(memberships, users, clock);
    final RecordEventService recordEvent =
            new RecordEventService(issues, memberships, events, activities, tallies, transactions, clock);
    final dev.faultline.application.tracker.ResolveIssueService resolveIssue =
            new dev.faultline.application.tracker.ResolveIssueService(issues, memberships, activities, transactions,
                    clock);
    final MuteIssueService muteIssue = new MuteIssueService(issues, memberships, activities, transactions, clock);
    final AssignIssueService assignIssue = new AssignIssueService(issues, memberships, users, transactions, clock);
    final AddNoteService addNote = new AddNoteService(issues, memberships, notes, transactions, clock);

    final ResourceExtension resources = ResourceExtension.builder()
            .addResource(new LoginResource(new SignInService(users, attempts, addressFailures, permits, hasher, SignInThrottle.defaults(),
            addressLimit, clock),
                    startSession, resolve,
                    new EndBrowserSessionService(sessions, clock), cookies, policy.issuer()))
            .addResource(new AuthorizeResource(new BeginAuthorizationService(clients, policy), approve,
                    new DenyAuthorizationService(clients), resolve, cookies, policy.issuer(), false))
            .addResource(new IntegrationsResource(settingsForms, integrationsPage,
                    new RevokeIntegrationService(grantLocks, codes, chains, transactions, clock),
                    new RevokeAllAccessService(grantLocks, codes, chains, personalTokens, sessions, transactions, clock),
                    startSession))
            .addResource(new PersonalTokensResource(settingsForms, integrationsPage, createPersonalToken,
                    new RevokePersonalTokenService(personalTokens, clock), clock))
            .addResource(new IssuesResource(resolve, new ListApplicationsService(applications, memberships),
                    new ListIssuesService(issues, memberships, applications, transactions, clock),
                    new GetIssueInFullService(issues, memberships, applications, events, notes, groupings, tallies,
                            activities, users, new InMemoryIssueRevisions(issues, memberships, changes),
                            new InMemoryIssueRevisions(issues, memberships, changes), transactions, clock),
                    new GetCrashReportService(issues, memberships, events, ingested, clock),
                    new LookUpDisplayNamesService(users), cookies, policy.issuer()))
            .addResource(new HomeResource(policy.issuer()))
            .addResource(new AssetsResource())
            .addProvider(new PageSecurityHeaders())
            .addProvider(new ViewMessageBodyWriter(new MetricRegistry(), List.of(new MustacheViewRenderer())))
            .setClientConfigurator(config -> config.property(ClientProperties.FOLLOW_REDIRECTS, false))
            .build();

    /** A user with {@link #PASSWORD}; returns the e-mail address. */
    String user() {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertThat(createUser.createUser(CreateUser.Command.of(email, "Ada Lovelace", PASSWORD)))
                .isInstanceOf(CreateUser.Outcome.Created.class);
        return email;
    }

    /** An application {@code owner} created (and so is a member of). */
    Application application(UserId owner, String name) {
        CreateApplication.Outcome outcome = createApplication.createApplication(new CreateApplication.Command(Actor.person(owner),
                name, new ApplicationSlug("app-" + UUID.randomUUID().toString().substring(0, 8)),
                new Platform("java")));
        assertThat(outcome).isInstanceOf(CreateApplication.Outcome.Created.class);
        return ((CreateApplication.Outcome.Created) outcome).application();
    }

    void join(Application application, UserId owner, String memberEmail) {
        assertThat(addMember.addMember(new AddMember.Command(Actor.person(owner), application.id(), EmailAddress.of(memberEmail),
                Role.MEMBER))).isInstanceOf(AddMember.Outcome.Added.class);
    }

    /** A crash reported to {@code application} by one of its members: the issue it was grouped into. */
    RecordEvent.Outcome.Recorded record(UserId reporter, Application application, CrashReport report) {
        RecordEvent.Outcome outcome = recordEvent.recordEvent(new RecordEvent.Command(Actor.person(reporter), application.id(),
                report));
        assertThat(outcome).isInstanceOf(RecordEvent.Outcome.Recorded.class);
        return (RecordEvent.Outcome.Recorded) outcome;
    }

    /** A crash report grouped by {@code fingerprint}, from production, release 1.0.0. */
    static CrashReport crash(String fingerprint, String title, String exceptionType, String message,
            List<StackFrame> frames, Instant at) {
        return new CrashReport(Optional.of(new Fingerprint(fingerprint)), Optional.of(title), "Service.call",
                exceptionType, Level.ERROR, message, at, frames, Optional.of("production"), Optional.of("1.0.0"),
                new TreeMap<>(), Optional.empty());
    }

    Client client(String name, String... redirectUris) {
        RegisterClient.Outcome outcome = register.register(new ClientRegistrationRequest(name, List.of(redirectUris),
                List.of("authorization_code", "refresh_token"), List.of("code"), "none", null, null, null, "native"));
        assertThat(outcome).isInstanceOf(RegisterClient.Outcome.Registered.class);
        return ((RegisterClient.Outcome.Registered) outcome).client();
    }

    /** The user of {@code email}, signed in or not. */
    UserId userId(String email) {
        return users.findByEmail(EmailAddress.of(email)).orElseThrow().id();
    }

    /** Consent approved and code exchanged, as an OAuth client would: the user's tokens for {@code client}. */
    TokenOutcome.Tokens connect(Client client, String redirectUri, String email, String scope) {
        BeginAuthorization.Outcome consent = new BeginAuthorizationService(clients, policy).begin(
                new BeginAuthorization.Request(client.id().value(), redirectUri, "code", scope, "s", CHALLENGE, "S256",
                        null));
        AuthorizationResponse response = approve.approve(userId(email),
                ((BeginAuthorization.Outcome.ShowConsent) consent).request());
        String code = ((AuthorizationResponse.RedirectTo) response).redirect().parameter("code").orElseThrow();
        TokenOutcome outcome = exchange.exchange(new ExchangeAuthorizationCode.Command(
                ClientCredentials.publicClient(client.id()), Optional.of(code), Optional.of(redirectUri),
                Optional.of(VERIFIER), Optional.empty()));
        assertThat(outcome).isInstanceOf(TokenOutcome.Issued.class);
        return ((TokenOutcome.Issued) outcome).tokens();
    }

    TokenOutcome refresh(Client client, String refreshToken) {
        return refresh.refresh(new RefreshTokens.Command(ClientCredentials.publicClient(client.id()),
                Optional.of(refreshToken), Optional.empty(), Optional.empty()));
    }

    Invocation.Builder request(WebTarget target) {
        return target.request().property(ClientProperties.FOLLOW_REDIRECTS, false);
    }

    Invocation.Builder request(String path) {
        return request(resources.target(path));
    }

    /** The login form's double-submit token, from a GET of the form. */
    String loginCsrf() {
        try (Response form = request("/login").get()) {
            return cookie(form, CSRF_COOKIE).orElseThrow();
        }
    }

    Response postLogin(String email, String password, String returnTo, Optional<String> sessionCookie) {
        String csrf = loginCsrf();
        Form form = new Form().param("email", email).param("password", password).param("csrf", csrf);
        if (returnTo != null) {
            form.param("return_to", returnTo);
        }
        Invocation.Builder request = request("/login").cookie(CSRF_COOKIE, csrf);
        if (sessionCookie.isPresent()) {
            request = request.cookie(SESSION_COOKIE, sessionCookie.get());
        }
        return request.post(Entity.form(form));
    }

    /** Signs in and returns the session cookie's value. */
    String signIn(String email) {
        try (Response response = postLogin(email, PASSWORD, null, Optional.empty())) {
            assertThat(response.getStatus()).isEqualTo(303);
            return cookie(response, SESSION_COOKIE).orElseThrow();
        }
    }

    static String authorizeQuery(Client client, String redirectUri) {
        return "/mcp/oauth/authorize?response_type=code&client_id=" + client.id().value()
                + "&redirect_uri=" + RedirectUris.encode(redirectUri) + "&state=st%20ate&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256&scope=mcp%3Aread%20mcp%3Awrite";
    }

    /** GET of a raw path + query, keeping it exactly as written. */
    Response get(String pathAndQuery, String sessionCookie) {
        int q = pathAndQuery.indexOf('?');
        WebTarget target = resources.target(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            target = resources.client().target(target.getUri().toString() + pathAndQuery.substring(q));
        }
        Invocation.Builder request = request(target);
        if (sessionCookie != null) {
            request = request.cookie(SESSION_COOKIE, sessionCookie);
        }
        return request.get();
    }

    /** What every page sends, errors included: no framing, no referrer, no sniffing, no caching, a strict CSP. */
    static void assertPageSecurityHeaders(Response response) {
        assertThat(response.getHeaderString("Content-Security-Policy"))
                .contains("default-src 'none'").contains("script-src 'self'").contains("style-src 'self'")
                .contains("frame-ancestors 'none'").contains("form-action 'self'").contains("base-uri 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeaderString("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
    }

    static Optional<String> cookie(Response response, String name) {
        return setCookies(response).stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
    }

    static List<String> setCookies(Response response) {
        List<String> all = response.getStringHeaders().get("Set-Cookie");
        return all == null ? List.of() : all;
    }

    static String hiddenField(String html, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\">")
                .matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return unescape(m.group(1));
    }

    /** Undoes Mustache's HTML escaping of attribute values. */
    static String unescape(String html) {
        Matcher m = Pattern.compile("&#(\\d+);").matcher(html.replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString().replace("&amp;", "&");
    }
}
