package dev.faultline.adapters.pages;

/** The sign-in form, optionally with one message above it (never saying which of e-mail or password was wrong). */
public final class LoginView extends PageView {
    private final String csrf;
    private final String returnTo;
    private final String email;
    private final String message;

    public LoginView(String csrf, String returnTo, String email, String message) {
        super("login.mustache", "Sign in");
        this.csrf = csrf;
        this.returnTo = returnTo;
        this.email = email == null ? "" : email;
        this.message = message;
    }

    public String getCsrf() {
        return csrf;
    }

    public String getReturnTo() {
        return returnTo;
    }

    public String getEmail() {
        return email;
    }

    public boolean isHasMessage() {
        return message != null;
    }

    public String getMessage() {
        return message;
    }
}
