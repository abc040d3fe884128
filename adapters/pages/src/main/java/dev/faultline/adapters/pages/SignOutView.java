package dev.faultline.adapters.pages;

/** "Sign out of Faultline?" for a browser that opened {@code /logout} directly. */
public final class SignOutView extends PageView {

    SignOutView(Navigation navigation) {
        super("sign-out.mustache", "Sign out", navigation);
    }

    public String getCsrf() {
        return getNavigation().csrf();
    }
}
