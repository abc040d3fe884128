package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;

/** A product whose crashes Faultline collects. Only its members see it (see {@link Membership}). */
public record Application(ApplicationId id, String name, ApplicationSlug slug, Platform platform,
        Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public Application {
        Objects.requireNonNull(id, "id");
        name = Text.line(name, "name", MAX_NAME_LENGTH);
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(platform, "platform");
        createdAt = Times.micros(Objects.requireNonNull(createdAt, "createdAt"));
    }

    public static Application create(String name, ApplicationSlug slug, Platform platform, Instant now) {
        return new Application(ApplicationId.random(), name, slug, platform, now);
    }
}
