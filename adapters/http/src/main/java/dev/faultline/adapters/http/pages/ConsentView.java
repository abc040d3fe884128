package dev.faultline.adapters.http.pages;

import java.util.List;

/**
 * The consent page: who asks (its self-chosen name, marked as such), where the browser goes next, what it may
 * do, and who is signed in. The form carries the original authorization request, which is validated again
 * when posted.
 */
public final class ConsentView extends PageView {
    private final String clientName;
    private final boolean selfRegistered;
    private final String redirectHost;
    private final List<String> scopes;
    private final String userName;
    private final String userEmail;
    private final String csrf;
    private final List<Field> fields;
    private final String returnTo;
    private String verifiedOrigin;
    private boolean loopbackOnly;

    public ConsentView(String clientName, boolean selfRegistered, String redirectHost, List<String> scopes,
            String userName, String userEmail, String csrf, List<Field> fields, String returnTo) {
        super("consent.mustache", "Allow access");
        this.clientName = clientName;
        this.selfRegistered = selfRegistered;
        this.redirectHost = redirectHost;
        this.scopes = List.copyOf(scopes);
        this.userName = userName;
        this.userEmail = userEmail;
        this.csrf = csrf;
        this.fields = List.copyOf(fields);
        this.returnTo = returnTo;
    }

    /**
     * For a client identified by its metadata document: the host of its client ID URL, shown instead of the
     * self-registered marker, and whether every redirect URI is loopback (any local program could claim it).
     */
    public ConsentView identifiedBy(String verifiedOrigin, boolean loopbackOnly) {
        this.verifiedOrigin = verifiedOrigin;
        this.loopbackOnly = loopbackOnly;
        return this;
    }

    public String getVerifiedOrigin() {
        return verifiedOrigin;
    }

    public boolean isLoopbackOnly() {
        return loopbackOnly;
    }

    public String getClientName() {
        return clientName;
    }

    public boolean isSelfRegistered() {
        return selfRegistered;
    }

    public String getRedirectHost() {
        return redirectHost;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public String getUserName() {
        return userName;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public String getCsrf() {
        return csrf;
    }

    public List<Field> getFields() {
        return fields;
    }

    public String getReturnTo() {
        return returnTo;
    }

    /** A hidden form field. */
    public static final class Field {
        private final String name;
        private final String value;

        public Field(String name, String value) {
            this.name = name;
            this.value = value;
        }

        public String getName() {
            return name;
        }

        public String getValue() {
            return value;
        }
    }
}
