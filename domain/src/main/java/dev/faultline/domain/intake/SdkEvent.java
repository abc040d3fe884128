package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.AffectedUser;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.Level;
import dev.faultline.domain.tracker.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An error or message event as a Sentry SDK reported it, after the ingest adapter cleaned it: what grouping,
 * the issue and the stored event need. The exception chain runs cause first, the main exception last; breadcrumbs
 * run oldest first (the last {@value #MAX_BREADCRUMBS}). Every text is untrusted (anyone holding the public ingest
 * key can send anything) and within the limits below.
 */
public record SdkEvent(
        SdkEventId eventId,
        Instant timestamp,
        Optional<Platform> platform,
        Optional<SdkInfo> sdk,
        Level level,
        Optional<LogMessage> logentry,
        Optional<LogMessage> message,
        List<ExceptionValue> exceptions,
        List<SdkThread> threads,
        Optional<Stacktrace> stacktrace,
        List<String> fingerprint,
        Optional<String> transaction,
        Optional<String> release,
        Optional<String> environment,
        SortedMap<String, String> tags,
        Optional<AffectedUser> user,
        Optional<RequestInfo> request,
        SortedMap<String, String> extra,
        List<Breadcrumb> breadcrumbs,
        SdkContexts contexts) {

    public static final int MAX_EXCEPTIONS = 32;
    public static final int MAX_THREADS = 100;
    public static final int MAX_FINGERPRINT_ENTRIES = 32;
    public static final int MAX_FINGERPRINT_ENTRY_LENGTH = 1024;
    public static final int MAX_TRANSACTION_LENGTH = Issue.MAX_CULPRIT_LENGTH;
    public static final int MAX_RELEASE_LENGTH = 200;
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_VALUE_LENGTH = 200;
    public static final int MAX_EXTRA = 100;
    public static final int MAX_EXTRA_NAME_LENGTH = 200;
    public static final int MAX_EXTRA_LENGTH = 16_384;
    /** The most recent breadcrumbs kept, oldest first. */
    public static final int MAX_BREADCRUMBS = 100;
    /** The shapes the tracker's {@code Event} accepts, so an intake event always becomes a tracker event. */
    public static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public SdkEvent {
        Objects.requireNonNull(eventId, "event_id");
        timestamp = Times.micros(Objects.requireNonNull(timestamp, "timestamp"));
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(sdk, "sdk");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logentry, "logentry");
        Objects.requireNonNull(message, "message");
        exceptions = bounded(exceptions, "exception", MAX_EXCEPTIONS);
        threads = bounded(threads, "threads", MAX_THREADS);
        Objects.requireNonNull(stacktrace, "stacktrace");
        fingerprint = bounded(fingerprint, "fingerprint", MAX_FINGERPRINT_ENTRIES);
        fingerprint.forEach(entry -> Checks.text(entry, "fingerprint", MAX_FINGERPRINT_ENTRY_LENGTH));
        transaction = Checks.line(transaction, "transaction", MAX_TRANSACTION_LENGTH);
        release = Checks.line(release, "release", MAX_RELEASE_LENGTH);
        Objects.requireNonNull(environment, "environment").ifPresent(e -> InvalidValue.require(
                ENVIRONMENT.matcher(e).matches(), "environment",
                "environment \"" + e + "\" must be 1-64 letters, digits or . _ -"));
        tags = Checks.map(tags, "tags", MAX_TAGS, 64, MAX_TAG_VALUE_LENGTH);
        tags.forEach((key, value) -> {
            InvalidValue.require(TAG_KEY.matcher(key).matches(), "tags",
                    "tag key \"" + key + "\" must be 1-64 letters, digits or . _ : -");
            Checks.line(value, "tags." + key, MAX_TAG_VALUE_LENGTH);
        });
        user = Objects.requireNonNull(user, "user").map(AffectedUser::checked);
        Objects.requireNonNull(request, "request");
        extra = Checks.map(extra, "extra", MAX_EXTRA, MAX_EXTRA_NAME_LENGTH, MAX_EXTRA_LENGTH);
        breadcrumbs = bounded(breadcrumbs, "breadcrumbs", MAX_BREADCRUMBS);
        Objects.requireNonNull(contexts, "contexts");
    }

    /** An event without breadcrumbs or contexts. */
    public SdkEvent(SdkEventId eventId, Instant timestamp, Optional<Platform> platform, Optional<SdkInfo> sdk,
            Level level, Optional<LogMessage> logentry, Optional<LogMessage> message, List<ExceptionValue> exceptions,
            List<SdkThread> threads, Optional<Stacktrace> stacktrace, List<String> fingerprint,
            Optional<String> transaction, Optional<String> release, Optional<String> environment,
            SortedMap<String, String> tags, Optional<AffectedUser> user, Optional<RequestInfo> request,
            SortedMap<String, String> extra) {
        this(eventId, timestamp, platform, sdk, level, logentry, message, exceptions, threads, stacktrace,
                fingerprint, transaction, release, environment, tags, user, request, extra, List.of(),
                SdkContexts.none());
    }

    private static <T> List<T> bounded(List<T> values, String field, int max) {
        List<T> copy = List.copyOf(Objects.requireNonNull(values, field));
        InvalidValue.require(copy.size() <= max, field, field + " has at most " + max + " entries, not " + copy.size());
        return copy;
    }

    public static Builder builder(SdkEventId eventId, Instant timestamp) {
        return new Builder(eventId, timestamp);
    }

    public Builder toBuilder() {
        Builder b = new Builder(eventId, timestamp);
        b.platform = platform;
        b.sdk = sdk;
        b.level = level;
        b.logentry = logentry;
        b.message = message;
        b.exceptions = new ArrayList<>(exceptions);
        b.threads = new ArrayList<>(threads);
        b.stacktrace = stacktrace;
        b.fingerprint = new ArrayList<>(fingerprint);
        b.transaction = transaction;
        b.release = release;
        b.environment = environment;
        b.tags = new TreeMap<>(tags);
        b.user = user;
        b.request = request;
        b.extra = new TreeMap<>(extra);
        b.breadcrumbs = new ArrayList<>(breadcrumbs);
        b.contexts = contexts;
        return b;
    }

    /** Assembles an event field by field; {@link #build} applies every check at once. */
    public static final class Builder {
        private final SdkEventId eventId;
        private final Instant timestamp;
        private Optional<Platform> platform = Optional.empty();
        private Optional<SdkInfo> sdk = Optional.empty();
        private Level level = Level.ERROR;
        private Optional<LogMessage> logentry = Optional.empty();
        private Optional<LogMessage> message = Optional.empty();
        private List<ExceptionValue> exceptions = new ArrayList<>();
        private List<SdkThread> threads = new ArrayList<>();
        private Optional<Stacktrace> stacktrace = Optional.empty();
        private List<String> fingerprint = new ArrayList<>();
        private Optional<String> transaction = Optional.empty();
        private Optional<String> release = Optional.empty();
        private Optional<String> environment = Optional.empty();
        private SortedMap<String, String> tags = new TreeMap<>();
        private Optional<AffectedUser> user = Optional.empty();
        private Optional<RequestInfo> request = Optional.empty();
        private SortedMap<String, String> extra = new TreeMap<>();
        private List<Breadcrumb> breadcrumbs = new ArrayList<>();
        private SdkContexts contexts = SdkContexts.none();

        private Builder(SdkEventId eventId, Instant timestamp) {
            this.eventId = eventId;
            this.timestamp = timestamp;
        }

        public Builder platform(Platform value) {
            platform = Optional.ofNullable(value);
            return this;
        }

        public Builder sdk(SdkInfo value) {
            sdk = Optional.ofNullable(value);
            return this;
        }

        public Builder level(Level value) {
            level = value;
            return this;
        }

        public Builder logentry(LogMessage value) {
            logentry = Optional.ofNullable(value);
            return this;
        }

        public Builder message(LogMessage value) {
            message = Optional.ofNullable(value);
            return this;
        }

        public Builder exceptions(List<ExceptionValue> values) {
            exceptions = new ArrayList<>(values);
            return this;
        }

        public Builder threads(List<SdkThread> values) {
            threads = new ArrayList<>(values);
            return this;
        }

        public Builder stacktrace(Stacktrace value) {
            stacktrace = Optional.ofNullable(value);
            return this;
        }

        public Builder fingerprint(List<String> entries) {
            fingerprint = new ArrayList<>(entries);
            return this;
        }

        public Builder transaction(String value) {
            transaction = Optional.ofNullable(value);
            return this;
        }

        public Builder release(String value) {
            release = Optional.ofNullable(value);
            return this;
        }

        public Builder environment(String value) {
            environment = Optional.ofNullable(value);
            return this;
        }

        public Builder tags(Map<String, String> values) {
            tags = new TreeMap<>(values);
            return this;
        }

        public Builder user(AffectedUser value) {
            user = Optional.ofNullable(value);
            return this;
        }

        public Builder request(RequestInfo value) {
            request = Optional.ofNullable(value);
            return this;
        }

        public Builder extra(Map<String, String> values) {
            extra = new TreeMap<>(values);
            return this;
        }

        public Builder breadcrumbs(List<Breadcrumb> values) {
            breadcrumbs = new ArrayList<>(values);
            return this;
        }

        public Builder contexts(SdkContexts value) {
            contexts = value;
            return this;
        }

        public SdkEvent build() {
            return new SdkEvent(eventId, timestamp, platform, sdk, level, logentry, message,
                    Collections.unmodifiableList(exceptions), threads, stacktrace, fingerprint, transaction,
                    release, environment, tags, user, request, extra, breadcrumbs, contexts);
        }
    }
}
