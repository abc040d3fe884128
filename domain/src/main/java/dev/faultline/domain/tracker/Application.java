package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.Times;
import java.time.Instant;
import java.util.Objects;

/**
 * A product whose crashes Faultline collects. Only its members see it (see {@link Membership}). The constructor
 * takes a stored name as it is (reading is tolerant); {@link #create} applies the name rules.
 */
public record Application(ApplicationId id, String name, ApplicationSlug slug, Platform platform,
        Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(platform, "platform");
        createdAt = Times.micros(Objects.requireNonNull(createdAt, "createdAt"));
    }

    /** A new application: today's name rules apply here, where the name enters. */
    public static Application create(String name, ApplicationSlug slug, Platform platform, Instant now) {
        return new Application(ApplicationId.random(), Text.line(name, "name", MAX_NAME_LENGTH), slug, platform,
                now);
    }
}
