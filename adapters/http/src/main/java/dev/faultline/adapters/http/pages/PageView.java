package dev.faultline.adapters.http.pages;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/** A server-rendered page: a Mustache template beside this class (every value is HTML-escaped) and a title. */
public abstract class PageView extends View {
    private final String title;

    protected PageView(String template, String title) {
        super(template, StandardCharsets.UTF_8);
        this.title = title;
    }

    public String getTitle() {
        return title;
    }
}
