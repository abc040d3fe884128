package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ClientIdMetadataDocument;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Client ID Metadata Documents, fetched from their client ID URL (draft-ietf-oauth-client-id-metadata-document).
 * An adapter fetches one document per call, safely: https only, to public addresses only (the address it
 * checked is the address it connects to), no redirects (only a 200 counts), a size cap enforced while reading
 * and a timeout. It reports what the JSON object says and what the response's {@code Cache-Control} asked for;
 * it neither validates the document's rules nor caches (the application does both). It never throws for a
 * failure of the client's host: every such failure is a {@link Fetch.Failed} with a reason a person can act on.
 */
public interface ClientMetadataDocuments {
    Fetch fetch(ClientId url);

    /** What the response's {@code Cache-Control} said: {@code max-age} if any, and whether it said no-store. */
    record Freshness(Optional<Duration> maxAge, boolean noStore) {
        public static final Freshness UNSPECIFIED = new Freshness(Optional.empty(), false);

        public Freshness {
            Objects.requireNonNull(maxAge, "maxAge");
        }
    }

    sealed interface Fetch {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Fetched, R> fetched, Function<Failed, R> failed);

        record Fetched(ClientIdMetadataDocument document, Freshness freshness) implements Fetch {
            public Fetched {
                Objects.requireNonNull(document, "document");
                Objects.requireNonNull(freshness, "freshness");
            }

            @Override
            public <R> R fold(Function<Fetched, R> fetched, Function<Failed, R> failed) {
                return fetched.apply(this);
            }
        }

        record Failed(String reason) implements Fetch {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }

            @Override
            public <R> R fold(Function<Fetched, R> fetched, Function<Failed, R> failed) {
                return failed.apply(this);
            }
        }
    }
}
