package dev.faultline.adapters.pages;

import dev.faultline.domain.access.ScopeOffer;
import java.util.List;

/**
 * The consent page: who asks (its self-chosen name, marked as such), where the browser goes next, what it may
 * do (one checkbox per scope the person may grant), and who is signed in. The form carries the original authorization request, which is validated again
 * when posted.
 */
public final class ConsentView extends PageView {
    private final String clientName;
    private final boolean selfRegistered;
    private final String redirectHost;
    private final List<ScopeChoice> scopeChoices;
    private final String userName;
    private final String userEmail;
    private final String csrf;
    private final List<Field> fields;
    private final String returnTo;
    private String verifiedOrigin;
    private boolean loopbackOnly;

    public ConsentView(String clientName, boolean selfRegistered, String redirectHost, List<ScopeChoice> scopeChoices,
            String userName, String userEmail, String csrf, List<Field> fields, String returnTo) {
        super("consent.mustache", "Allow access");
        this.clientName = clientName;
        this.selfRegistered = selfRegistered;
        this.redirectHost = redirectHost;
        this.scopeChoices = List.copyOf(scopeChoices);
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

    public List<ScopeChoice> getScopeChoices() {
        return scopeChoices;
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

    /**
     * One checkbox of the scope list: posted as {@code grant:<scope>} only when ticked (as browsers post
     * checkboxes). A scope the app did not ask for is offered as "Also allow …", unticked.
     */
    public static final class ScopeChoice {
        static final String FIELD_PREFIX = "grant:";

        private final ScopeOffer.Choice choice;

        public ScopeChoice(ScopeOffer.Choice choice) {
            this.choice = choice;
        }

        public String getFieldName() {
            return FIELD_PREFIX + choice.scope().wireName();
        }

        public String getId() {
            return "grant-" + choice.scope().name().toLowerCase(java.util.Locale.ROOT);
        }

        public String getWireName() {
            return choice.scope().wireName();
        }

        public String getWords() {
            return choice.requested() ? choice.scope().plainWords() : "Also allow changes: " + choice.scope().plainWords();
        }

        public boolean isRequested() {
            return choice.requested();
        }

        public boolean isTicked() {
            return choice.tickedByDefault();
        }
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
