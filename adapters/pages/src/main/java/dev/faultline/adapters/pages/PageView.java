package dev.faultline.adapters.pages;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/**
 * A server-rendered page: a Mustache template beside this class (every value is HTML-escaped), a title, and for
 * a signed-in person the {@link Navigation} in the header. The title often carries stored text (an issue title),
 * so it is shown through {@link DisplayText} here, once for every page.
 */
public abstract class PageView extends View {
    private final String title;
    private final Navigation navigation;

    protected PageView(String template, String title) {
        this(template, title, null);
    }

    protected PageView(String template, String title, Navigation navigation) {
        super(template, StandardCharsets.UTF_8);
        this.title = DisplayText.of(title);
        this.navigation = navigation;
    }

    public String getTitle() {
        return title;
    }

    /** {@code null} on pages shown before signing in. */
    public Navigation getNavigation() {
        return navigation;
    }

    /** Appended to the stylesheet and script URLs, so an upgrade is never served from an old cache. */
    public String getAssetVersion() {
        return AssetsResource.VERSION;
    }

    /** Pages with tables use the wide layout. */
    public boolean isWide() {
        return false;
    }
}
