package dev.faultline.adapters.pages;

import dev.faultline.adapters.pages.session.SessionCookies;
import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.account.port.in.LookUpDisplayNames;
import dev.faultline.application.intake.port.in.GetCrashReport;
import dev.faultline.application.intake.port.in.GetIssueInFull;
import dev.faultline.application.tracker.port.in.GetIssue;
import dev.faultline.application.tracker.port.in.ListApplications;
import dev.faultline.application.tracker.port.in.ListIssues;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.IssueStatus;
import dev.faultline.domain.tracker.Permission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The read-only issues view: {@code /issues} lists the signed-in person's issues across their applications
 * (filtered by application and status, paged with the use case's opaque cursor), {@code /issues/{id}} shows one
 * issue with its latest crash (the SDK's whole report when it sent one), why its events are one issue, where and
 * when it was seen and its activity. An issue the person cannot see is "not found" whatever the reason (unknown,
 * malformed id, someone else's application), so ids reveal nothing. A browser that is not signed in is sent to
 * sign in first.
 */
@Path("/issues")
@PageResponse
public class IssuesResource {
    static final String PAGE = "/issues";
    /** Longest piece of a refused filter value repeated back in the message. */
    private static final int ECHO_LENGTH = 60;

    private final ResolveBrowserSession resolveSession;
    private final ListApplications listApplications;
    private final ListIssues listIssues;
    private final GetIssueInFull getIssueInFull;
    private final GetCrashReport getCrashReport;
    private final LookUpDisplayNames displayNames;
    private final SessionCookies cookies;
    private final String issuer;

    public IssuesResource(ResolveBrowserSession resolveSession, ListApplications listApplications,
            ListIssues listIssues, GetIssueInFull getIssueInFull, GetCrashReport getCrashReport,
            LookUpDisplayNames displayNames, SessionCookies cookies, String issuer) {
        this.resolveSession = Objects.requireNonNull(resolveSession);
        this.listApplications = Objects.requireNonNull(listApplications);
        this.listIssues = Objects.requireNonNull(listIssues);
        this.getIssueInFull = Objects.requireNonNull(getIssueInFull);
        this.getCrashReport = Objects.requireNonNull(getCrashReport);
        this.displayNames = Objects.requireNonNull(displayNames);
        this.cookies = Objects.requireNonNull(cookies);
        this.issuer = Objects.requireNonNull(issuer);
    }

    @GET
    public Response list(@QueryParam("application") List<String> application,
            @QueryParam("status") List<String> status, @QueryParam("cursor") List<String> cursor,
            @Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst(PAGE);
        }
        Navigation navigation = Navigation.of(signedIn.get());
        Actor actor = actor(signedIn.get());
        List<Application> applications = applications(actor);
        IssuesView.Filters filters = new IssuesView.Filters(given(application), given(status));

        Optional<String> problem = Optional.empty();
        ListIssues.Command command = ListIssues.Command.firstPage(actor);
        try {
            Optional<String> applicationValue = single("application", application);
            Optional<String> statusValue = single("status", status);
            Optional<String> cursorValue = single("cursor", cursor);
            if (applicationValue.isPresent()) {
                command = command.inApplication(applicationNamed(applicationValue.get()));
            }
            if (statusValue.isPresent()) {
                command = command.withStatus(status(statusValue.get()));
            }
            if (cursorValue.isPresent()) {
                command = command.after(cursorValue.get());
            }
        } catch (InvalidValue e) {
            problem = Optional.of("cursor".equals(e.field()) ? IssuesView.STALE_CURSOR : e.getMessage());
        }
        if (problem.isEmpty()) {
            return listIssues.listIssues(command).fold(
                    refused -> {
                        throw notPermitted(refused.required());
                    },
                    page -> Pages.html(200, IssuesView.page(navigation, applications, filters, page.issues(),
                            page.nextCursor().map(filters::nextPageLink))).build(),
                    notFound -> refused(navigation, applications, filters, IssuesView.UNKNOWN_APPLICATION),
                    invalid -> refused(navigation, applications, filters, IssuesView.STALE_CURSOR));
        }
        return refused(navigation, applications, filters, problem.get());
    }

    private static Response refused(Navigation navigation, List<Application> applications,
            IssuesView.Filters filters, String problem) {
        return Pages.html(400, IssuesView.refused(navigation, applications, filters, problem)).build();
    }

    @GET
    @Path("{id}")
    public Response issue(@PathParam("id") String id, @Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst(PAGE + "/" + id);
        }
        Navigation navigation = Navigation.of(signedIn.get());
        Optional<IssueId> issueId = issueId(id);
        if (issueId.isEmpty()) {
            return issueNotFound(navigation);
        }
        Actor actor = actor(signedIn.get());
        return getIssueInFull.getIssueInFull(new GetIssueInFull.Command(actor, issueId.get())).fold(
                refused -> {
                    throw notPermitted(refused.required());
                },
                found -> {
                    GetIssue.IssueDetails details = found.issue().details();
                    Set<UserId> people = new HashSet<>();
                    details.issue().assignee().ifPresent(people::add);
                    details.notes().forEach(note -> people.add(note.author()));
                    UserId reader = signedIn.get().user();
                    Optional<IssueHistoryView> history = Optional.of(IssueHistoryView.of(found.issue().history(),
                            reader));
                    Optional<CrashReportView> crash = details.latestEvent().flatMap(latest -> getCrashReport
                            .getCrashReport(new GetCrashReport.Command(actor, new GetCrashReport.EventReference(
                                    Optional.of(latest.id()), Optional.empty())))
                            .fold(r -> Optional.<CrashReportView>empty(),
                                    f -> f.crash().report().map(CrashReportView::of),
                                    n -> Optional.<CrashReportView>empty()));
                    return Pages.html(200, new IssueView(navigation, details, reader,
                            displayNames.displayNamesOf(people), history, crash)).build();
                },
                notFound -> issueNotFound(navigation));
    }

    private static Response issueNotFound(Navigation navigation) {
        return Pages.html(404, new IssueNotFoundView(navigation)).build();
    }

    /** A filter sent once is used; blank means "all"; sent twice is refused rather than guessed. */
    private static Optional<String> single(String name, List<String> values) {
        List<String> present = values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
        if (present.size() > 1) {
            throw new InvalidValue(name, "Choose one " + name + " at a time.");
        }
        return present.stream().findFirst().map(String::strip);
    }

    /** What the filter form shows as chosen: the first value sent, if any. */
    private static String given(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    /**
     * A signed-in person acts in their own name, with every permission a member has; the use cases decide the rest
     * (which applications and issues they see).
     */
    private static Actor actor(ResolveBrowserSession.Outcome.SignedIn signedIn) {
        return Actor.person(signedIn.user());
    }

    /** The person's applications, for the filter form. */
    private List<Application> applications(Actor actor) {
        return listApplications.listApplications(new ListApplications.Command(actor)).fold(
                listed -> listed.entries().stream().map(ListApplications.Entry::application).toList(),
                refused -> {
                    throw notPermitted(refused.required());
                });
    }

    /**
     * The application filter as a reference the use case resolves; one that cannot name any application reads like
     * one that is not the person's (the page never echoes it).
     */
    private static ApplicationReference applicationNamed(String given) {
        try {
            return ApplicationReference.parse(given);
        } catch (InvalidValue e) {
            throw new InvalidValue("application", IssuesView.UNKNOWN_APPLICATION);
        }
    }

    private static IssueStatus status(String given) {
        return IssueStatus.find(given).orElseThrow(() -> new InvalidValue("status", "There is no status \""
                + echo(given) + "\". Choose one of: " + IssueStatus.expected() + "."));
    }

    /** A signed-in person holds every permission, so a refusal here is a bug (500), never a page to show. */
    private static IllegalStateException notPermitted(Permission required) {
        return new IllegalStateException("a signed-in person was refused " + required);
    }

    /** A refused value repeated back: shortened, with direction overrides made visible (Mustache escapes HTML). */
    private static String echo(String given) {
        String shown = given.codePointCount(0, given.length()) > ECHO_LENGTH
                ? given.substring(0, given.offsetByCodePoints(0, ECHO_LENGTH)) + "…" : given;
        return DisplayText.of(shown);
    }

    private static Optional<IssueId> issueId(String value) {
        try {
            return Optional.of(IssueId.parse(value, "id"));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn(HttpHeaders headers) {
        return resolveSession.resolve(cookies.sessionSecret(headers.getCookies()).orElse(null)).signedIn();
    }

    private Response signInFirst(String path) {
        return Response.seeOther(URI.create(issuer + "/login?return_to=" + RedirectUris.encode(path)))
                .build();
    }
}
