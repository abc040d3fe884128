package dev.faultline.adapters.ingest.endpoint;

import dev.faultline.adapters.ingest.EventReader;
import dev.faultline.adapters.ingest.protocol.BodyDecoder;
import dev.faultline.adapters.ingest.protocol.EventPayload;
import dev.faultline.adapters.ingest.protocol.IngestRefused;
import dev.faultline.adapters.ingest.protocol.IngestResponse;
import dev.faultline.adapters.ingest.protocol.RateLimit;
import dev.faultline.adapters.ingest.protocol.Refusal;
import dev.faultline.adapters.ingest.protocol.SentryAuthentication;
import dev.faultline.adapters.ingest.protocol.Submission;
import dev.faultline.adapters.ingest.protocol.Submissions;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey;
import dev.faultline.application.intake.port.in.AuthenticateIngestKey.IngestSource;
import dev.faultline.application.intake.port.in.IngestEvent;
import dev.faultline.application.shared.StorageUnavailable;
import dev.faultline.domain.intake.IngestId;
import dev.faultline.domain.shared.InvalidValue;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest request from bytes to answer: decode the body within its limits, find the key the request presents
 * (query, {@code X-Sentry-Auth}, the envelope's {@code dsn}), check it opens the project, read the items, clean the
 * event, honour the key's rate limit, store it. Database work passes the {@link IngestGate}, so a storm is answered
 * with 429 before anything queues. A {@code 200} means the event is committed.
 *
 * <p>Every refusal is precise and changes nothing. A client whose connection fails mid-body gets no answer: the
 * {@link IOException} is the caller's to drop.
 */
public final class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);

    private final AuthenticateIngestKey authenticate;
    private final IngestEvent ingest;
    private final EventReader reader;
    private final IngestPolicy settings;
    private final IngestGate gate;
    private final KeyRateLimits rateLimits;
    private final IngestMetrics metrics;
    private final IngestHealth health;
    private final Clock clock;

    public IngestPipeline(AuthenticateIngestKey authenticate, IngestEvent ingest, IngestPolicy settings,
            IngestGate gate, KeyRateLimits rateLimits, IngestMetrics metrics, IngestHealth health, Clock clock) {
        this.authenticate = authenticate;
        this.ingest = ingest;
        this.reader = new EventReader();
        this.settings = settings;
        this.gate = gate;
        this.rateLimits = rateLimits;
        this.metrics = metrics;
        this.health = health;
        this.clock = clock;
    }

    /**
     * Refuses at once a body whose declared {@code Content-Length} is already beyond the limit on the wire, so a
     * client announcing a huge body is answered without waiting for bytes it may never send. A declared length
     * is never trusted the other way: a body within it is still counted while it streams.
     */
    public Optional<IngestResponse> refuseDeclaredLength(IngestRoute route, long contentLength) {
        long limit = route.kind() == IngestRoute.Kind.ENVELOPE ? settings.limits().envelopeBody().compressed()
                : settings.limits().storeBody().compressed();
        if (contentLength <= limit) {
            return Optional.empty();
        }
        return Optional.of(refuse(new Refusal.TooLarge("the request body of " + contentLength
                + " bytes is larger than the limit of " + limit + " bytes")));
    }

    public IngestResponse handle(IngestRequest request) throws IOException {
        try {
            return process(request);
        } catch (IngestRefused refused) {
            return refuse(refused.refusal());
        } catch (StorageUnavailable unavailable) {
            health.failed();
            metrics.rejected("unavailable");
            LOG.warn("ingest: could not store an event: {}", unavailable.getMessage());
            return IngestResponse.unavailable(settings.unavailableRetryAfter(), settings.unsupported());
        }
    }

    private IngestResponse process(IngestRequest request) throws IOException {
        Instant receivedAt = clock.instant();
        boolean envelope = request.route().kind() == IngestRoute.Kind.ENVELOPE;
        InputStream decoded = BodyDecoder.open(request.body(), request.contentEncoding(),
                envelope ? settings.limits().envelopeBody() : settings.limits().storeBody());
        Submissions.OpenedEnvelope opened = envelope ? Submissions.openEnvelope(decoded, settings.limits()) : null;
        SentryAuthentication.Outcome presented = SentryAuthentication.authenticate(request.route().projectId(),
                request.rawQuery(), request.xSentryAuth(),
                opened == null ? Optional.empty() : opened.header().dsn());
        if (presented instanceof SentryAuthentication.Refused refused) {
            return refuse(refused.refusal());
        }
        SentryAuthentication.Authenticated keyed = (SentryAuthentication.Authenticated) presented;
        Optional<AuthenticateIngestKey.Outcome> checked = gate.within(() -> authenticate.authenticate(
                new IngestId(keyed.project().value()), keyed.key().value(), receivedAt));
        if (checked.isEmpty()) {
            return overloaded();
        }
        Optional<IngestSource> source = checked.get().fold(authenticated -> Optional.of(authenticated.source()),
                unknownProject -> Optional.empty(), unknownKey -> Optional.empty(), disabled -> Optional.empty());
        if (source.isEmpty()) {
            return refuse(Refusal.unknownProjectOrKey());
        }
        Submission submission = envelope ? opened.readItems() : Submissions.readStore(decoded, settings.limits());
        metrics.submission(submission);
        if (submission.event().isEmpty()) {
            metrics.accepted();
            return IngestResponse.accepted(Optional.empty(), settings.unsupported());
        }
        return store(submission, submission.event().get(), source.get(), receivedAt);
    }

    private IngestResponse store(Submission submission, EventPayload payload, IngestSource source,
            Instant receivedAt) {
        EventReader.Result read;
        try {
            read = reader.read(payload.object().orElseThrow(() -> new IllegalArgumentException("not an object")),
                    submission.header().eventId(), submission.header().sentAt(), receivedAt);
        } catch (IllegalArgumentException notAnObject) {
            return refuse(new Refusal.Malformed("the event is not a JSON object"));
        } catch (InvalidValue beyondCleaning) {
            // The reader cleans every benign variance; reaching this is a gap in it, reported precisely.
            LOG.warn("ingest: an event could not be cleaned: {}", beyondCleaning.getMessage());
            return refuse(new Refusal.Malformed("the event could not be read: " + beyondCleaning.getMessage()));
        }
        metrics.normalised(read.normalisation());
        OptionalInt limit = source.eventsPerMinute();
        if (limit.isPresent()) {
            Optional<Duration> wait = rateLimits.take(source.keyId(), limit.getAsInt());
            if (wait.isPresent()) {
                metrics.rejected("key_quota");
                return IngestResponse.tooManyRequests(RateLimit.keyQuota(atLeastASecond(wait.get())),
                        settings.unsupported());
            }
        }
        Optional<IngestEvent.Outcome> outcome = gate.within(() -> ingest.ingest(
                new IngestEvent.Command(source, read.event(), receivedAt)));
        if (outcome.isEmpty()) {
            return overloaded();
        }
        String eventId = read.event().eventId().value();
        return outcome.get().fold(stored -> {
            health.stored();
            metrics.accepted();
            return IngestResponse.accepted(Optional.of(eventId), settings.unsupported());
        }, duplicate -> {
            health.stored();
            metrics.duplicate();
            return IngestResponse.accepted(Optional.of(eventId), settings.unsupported());
        }, gone -> refuse(Refusal.unknownProjectOrKey()));
    }

    private IngestResponse overloaded() {
        metrics.rejected("overloaded");
        return IngestResponse.tooManyRequests(RateLimit.overloaded(settings.overloadRetryAfter()),
                settings.unsupported());
    }

    private IngestResponse refuse(Refusal refusal) {
        metrics.rejected(switch (refusal.status()) {
            case 403 -> "forbidden";
            case 413 -> "too_large";
            case 415 -> "unsupported_encoding";
            default -> "malformed";
        });
        return IngestResponse.refused(refusal, settings.unsupported());
    }

    private static Duration atLeastASecond(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }
}
