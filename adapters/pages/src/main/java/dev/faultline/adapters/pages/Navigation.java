package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.ResolveBrowserSession;

/**
 * The header of a signed-in page: who is signed in, the link to My Integrations and a Sign out button. The name and
 * address are stored text, shown through {@link DisplayText}.
 */
public record Navigation(String userName, String userEmail, String csrf) {

    static Navigation of(ResolveBrowserSession.Outcome.SignedIn signedIn) {
        return new Navigation(DisplayText.of(signedIn.displayName().value()),
                DisplayText.of(signedIn.email().value()), signedIn.csrf().value());
    }

    /** Without the CSRF token or the address: neither belongs in a log. */
    @Override
    public String toString() {
        return "Navigation[userName=" + userName + "]";
    }
}
