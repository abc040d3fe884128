package dev.faultline.adapters.pages;

import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The issues of the person's applications, one row per issue, with the filter form (application, status) and a
 * link to the next page. Titles come from crash reports and application names from their owners: both pass
 * through {@link DisplayText}.
 */
public final class IssuesView extends PageView {
    static final String STALE_CURSOR = "This page link no longer works: it was made for other filters, or it was"
            + " changed. Start again from the first page.";
    static final String UNKNOWN_APPLICATION = "You are not a member of that application. Choose one from the list.";

    private final List<Option> applicationOptions;
    private final List<Option> setupLinks;
    private final List<Option> statusOptions;
    private final List<IssueRow> issues;
    private final String problem;
    private final String empty;
    private final String nextPage;

    private IssuesView(Navigation navigation, List<Application> applications, Filters filters, List<Issue> issues,
            String problem, String empty, String nextPage) {
        super("issues.mustache", "Issues", navigation);
        this.applicationOptions = applicationOptions(applications, filters.application());
        this.setupLinks = applications.stream().map(a -> new Option(ApplicationSettingsResource.path(a.slug()),
                DisplayText.of(a.name()), false)).toList();
        this.statusOptions = statusOptions(filters.status());
        Map<ApplicationId, String> names = applications.stream()
                .collect(Collectors.toMap(Application::id, a -> DisplayText.of(a.name()), (a, b) -> a));
        this.issues = issues.stream().map(issue -> IssueRow.of(issue, names)).toList();
        this.problem = problem;
        this.empty = empty;
        this.nextPage = nextPage;
    }

    /** A page of issues; {@code nextPage} is the link to the one after, if any. */
    static IssuesView page(Navigation navigation, List<Application> applications, Filters filters,
            List<Issue> issues, Optional<String> nextPage) {
        String empty;
        if (applications.isEmpty()) {
            empty = "You are not a member of any application yet. Ask the owner of one to add you.";
        } else if (filters.isFiltered()) {
            empty = "No issues match these filters.";
        } else {
            empty = "No crashes have been reported yet. Issues appear here when your applications report them.";
        }
        return new IssuesView(navigation, applications, filters, issues, null, empty, nextPage.orElse(null));
    }

    /** The filters could not be used: the form again with what was wrong, and no list. */
    static IssuesView refused(Navigation navigation, List<Application> applications, Filters filters,
            String problem) {
        return new IssuesView(navigation, applications, filters, List.of(), problem, null, null);
    }

    @Override
    public boolean isWide() {
        return true;
    }

    public List<Option> getApplicationOptions() {
        return applicationOptions;
    }

    /** Each application's settings page (DSNs and ingest keys); {@code value} is the link. */
    public List<Option> getSetupLinks() {
        return setupLinks;
    }

    public boolean isHasSetupLinks() {
        return !setupLinks.isEmpty();
    }

    public List<Option> getStatusOptions() {
        return statusOptions;
    }

    public List<IssueRow> getIssues() {
        return issues;
    }

    public boolean hasIssues() {
        return !issues.isEmpty();
    }

    public String getProblem() {
        return problem;
    }

    /** The empty-state text; {@code null} when there are issues or the filters were refused. */
    public String getEmptyText() {
        return issues.isEmpty() ? empty : null;
    }

    public String getNextPage() {
        return nextPage;
    }

    private static List<Option> applicationOptions(List<Application> applications, String chosen) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "All applications", chosen.isEmpty()));
        applications.stream()
                .map(a -> new Option(a.slug().value(), DisplayText.of(a.name()),
                        a.slug().value().equals(chosen) || a.id().toString().equals(chosen)))
                .forEach(options::add);
        return options;
    }

    private static List<Option> statusOptions(String chosen) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "All statuses", chosen.isEmpty()));
        for (IssueStatus status : IssueStatus.values()) {
            options.add(new Option(status.wireName(), IssueView.statusLabel(status),
                    status.wireName().equals(chosen)));
        }
        return options;
    }

    /** The filters as given in the query (first value of each, blank when absent). */
    record Filters(String application, String status) {
        boolean isFiltered() {
            return !application.isEmpty() || !status.isEmpty();
        }

        /** The same filters with the cursor of the next page. */
        String nextPageLink(String cursor) {
            List<String> parameters = new ArrayList<>();
            if (!application.isEmpty()) {
                parameters.add("application=" + RedirectUris.encode(application));
            }
            if (!status.isEmpty()) {
                parameters.add("status=" + RedirectUris.encode(status));
            }
            parameters.add("cursor=" + RedirectUris.encode(cursor));
            return IssuesResource.PAGE + "?" + String.join("&", parameters);
        }
    }

    /** One choice of a filter. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One issue in the list. */
    public record IssueRow(String id, String title, String application, String status, String statusClass,
            long events, String lastSeen, String lastSeenIso) {

        static IssueRow of(Issue issue, Map<ApplicationId, String> applicationNames) {
            return new IssueRow(issue.id().toString(), DisplayText.of(issue.title()),
                    applicationNames.getOrDefault(issue.applicationId(), "Unknown application"),
                    IssueView.statusLabel(issue.status()), issue.status().wireName(), issue.eventCount(),
                    Dates.shown(issue.lastSeen()), Dates.machine(issue.lastSeen()));
        }

        public String link() {
            return IssuesResource.PAGE + "/" + id;
        }
    }
}
