package dev.faultline.adapters.pages;

/**
 * The one answer for an issue the person cannot see: an unknown id, a malformed one, and an issue of an
 * application they are not a member of all read the same, so an id reveals nothing. Shown with the signed-in
 * header (the error template of the lead's {@link ErrorView}, which has no navigation).
 */
public final class IssueNotFoundView extends PageView {
    IssueNotFoundView(Navigation navigation) {
        super("error.mustache", "Issue not found", navigation);
    }

    public String getHeading() {
        return "Issue not found";
    }

    public String getMessage() {
        return "There is no issue with this address in your applications.";
    }

    public String getAdvice() {
        return "Check the link, or open Issues at the top of the page to find it.";
    }
}
