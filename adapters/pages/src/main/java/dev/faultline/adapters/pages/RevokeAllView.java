package dev.faultline.adapters.pages;

/** "Revoke all access?", with how many apps and tokens will stop working. */
public final class RevokeAllView extends PageView {
    private final int apps;
    private final long tokens;

    RevokeAllView(Navigation navigation, int apps, long tokens) {
        super("revoke-all.mustache", "Revoke all access", navigation);
        this.apps = apps;
        this.tokens = tokens;
    }

    public String getCsrf() {
        return getNavigation().csrf();
    }

    public String getApps() {
        return apps == 1 ? "1 connected app" : apps + " connected apps";
    }

    public String getTokens() {
        return tokens == 1 ? "1 personal token" : tokens + " personal tokens";
    }
}
