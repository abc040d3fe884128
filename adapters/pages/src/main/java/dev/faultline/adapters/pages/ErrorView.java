package dev.faultline.adapters.pages;

/** A page that explains what went wrong and what the person can do about it. */
public final class ErrorView extends PageView {
    private final String heading;
    private final String message;
    private final String advice;

    public ErrorView(String heading, String message, String advice) {
        super("error.mustache", heading);
        this.heading = heading;
        this.message = message;
        this.advice = advice;
    }

    public String getHeading() {
        return heading;
    }

    public String getMessage() {
        return message;
    }

    public String getAdvice() {
        return advice;
    }
}
