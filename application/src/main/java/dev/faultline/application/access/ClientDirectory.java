package dev.faultline.application.access;

import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.account.RemoteAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the client behind a client_id: a registered client in {@link Clients}, or, for a client ID URL, the
 * client its metadata document describes. A resolved document client is remembered in {@link Clients} (its
 * metadata refreshed each time), so that codes, chains, My Integrations and security events refer to it like
 * to any other client.
 */
public final class ClientDirectory {
    private final Clients clients;
    private final Optional<Documents> documents;

    /** Where client ID URLs are resolved, and the clock that stamps when. */
    private record Documents(ClientMetadataDocumentCache cache, Clock clock) {
        Documents {
            Objects.requireNonNull(cache, "cache");
            Objects.requireNonNull(clock, "clock");
        }
    }

    public ClientDirectory(Clients clients, ClientMetadataDocumentCache documents, Clock clock) {
        this(clients, Optional.of(new Documents(documents, clock)));
    }

    private ClientDirectory(Clients clients, Optional<Documents> documents) {
        this.clients = Objects.requireNonNull(clients);
        this.documents = Objects.requireNonNull(documents);
    }

    /** A directory of registered clients only: client ID URLs are refused. */
    public static ClientDirectory registeredOnly(Clients clients) {
        return new ClientDirectory(clients, Optional.empty());
    }

    public sealed interface Lookup {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Found, R> found, Function<NotFound, R> notFound, Function<TooManyFetches, R> tooManyFetches);

        record Found(Client client) implements Lookup {
            @Override
            public <R> R fold(
                    Function<Found, R> found, Function<NotFound, R> notFound,
                    Function<TooManyFetches, R> tooManyFetches) {
                return found.apply(this);
            }
        }

        /** Nothing the person or the client can use; {@code message} says precisely why. */
        record NotFound(String message) implements Lookup {
            @Override
            public <R> R fold(
                    Function<Found, R> found, Function<NotFound, R> notFound,
                    Function<TooManyFetches, R> tooManyFetches) {
                return notFound.apply(this);
            }
        }

        /**
         * Only from {@link #find(ClientId, RemoteAddress)}: the client's document would have to be fetched, and
         * the requesting address has used up its fetches for now; {@code message} says so.
         */
        record TooManyFetches(String message, Duration retryAfter) implements Lookup {
            @Override
            public <R> R fold(
                    Function<Found, R> found, Function<NotFound, R> notFound,
                    Function<TooManyFetches, R> tooManyFetches) {
                return tooManyFetches.apply(this);
            }
        }
    }

    /** A lookup on behalf of {@code requester}: fetching a client's metadata document counts against it. */
    public Lookup find(ClientId id, RemoteAddress requester) {
        Objects.requireNonNull(requester, "requester");
        return find(id, Optional.of(requester));
    }

    /** A lookup whose fetch, if any, counts against no address; never {@link Lookup.TooManyFetches}. */
    public Lookup find(ClientId id) {
        return find(id, Optional.empty());
    }

    /** What a caller of {@link #find(ClientId)} throws for the {@link Lookup.TooManyFetches} it never gets. */
    static IllegalStateException uncountedLookupLimited() {
        return new IllegalStateException("a client lookup counted against no address was refused as too many fetches");
    }

    private Lookup find(ClientId id, Optional<RemoteAddress> requester) {
        if (!id.isMetadataDocumentUrl()) {
            return clients.findById(id)
                    .<Lookup>map(Lookup.Found::new)
                    .orElseGet(() -> new Lookup.NotFound("client_id \"" + id + "\" is not a registered client"));
        }
        if (documents.isEmpty()) {
            return new Lookup.NotFound("client_id \"" + id + "\" is a URL, but this server does not accept client"
                    + " metadata documents");
        }
        ClientMetadataDocumentCache cache = documents.get().cache();
        ClientMetadataDocumentCache.Resolution resolution = requester.isPresent()
                ? cache.resolve(id, requester.get()) : cache.resolve(id);
        return resolution.fold(
                resolvedMetadata -> {
                    Client resolved = Client.fromMetadataDocument(id, resolvedMetadata.metadata(),
                            documents.get().clock().instant());
                    clients.remember(resolved);
                    return new Lookup.Found(clients.findById(id).orElse(resolved));
                },
                unusable -> new Lookup.NotFound("the client metadata document at \"" + id + "\" could not be used: "
                        + unusable.reason()),
                tooMany -> new Lookup.TooManyFetches("the client metadata document at \"" + id + "\" was not"
                        + " fetched: too many documents were fetched for your network address (at most "
                        + tooMany.limit().inWords() + ")", tooMany.retryAfter()));
    }

    Clients clients() {
        return clients;
    }
}
