package dev.faultline.application.intake;

import dev.faultline.application.intake.port.in.Requester;
import dev.faultline.application.intake.port.out.IngestKeys;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The step every change to one key starts with: the application as the requester sees it, the requester one of
 * its owners, the key one of that application's. Call it inside the change's transaction.
 */
final class OwnedKeyLookup {
    private final OwnerCheck owners;
    private final IngestKeys keys;

    OwnedKeyLookup(OwnerCheck owners, IngestKeys keys) {
        this.owners = owners;
        this.keys = keys;
    }

    /** Where the lookup stopped, or the key. */
    sealed interface Result {
        <R> R fold(Function<IngestKey, R> found, Supplier<R> applicationNotFound, Supplier<R> notAnOwner,
                Supplier<R> keyNotFound);

        record Found(IngestKey key) implements Result {
            @Override
            public <R> R fold(Function<IngestKey, R> found, Supplier<R> applicationNotFound, Supplier<R> notAnOwner,
                    Supplier<R> keyNotFound) {
                return found.apply(key);
            }
        }

        enum Stopped implements Result {
            APPLICATION_NOT_FOUND, NOT_AN_OWNER, KEY_NOT_FOUND;

            @Override
            public <R> R fold(Function<IngestKey, R> found, Supplier<R> applicationNotFound, Supplier<R> notAnOwner,
                    Supplier<R> keyNotFound) {
                return switch (this) {
                    case APPLICATION_NOT_FOUND -> applicationNotFound.get();
                    case NOT_AN_OWNER -> notAnOwner.get();
                    case KEY_NOT_FOUND -> keyNotFound.get();
                };
            }
        }
    }

    Result find(Requester requester, ApplicationReference reference, IngestKeyId keyId) {
        Optional<Application> application = owners.visible(requester, reference);
        if (application.isEmpty()) {
            return Result.Stopped.APPLICATION_NOT_FOUND;
        }
        if (!owners.owns(requester, application.get())) {
            return Result.Stopped.NOT_AN_OWNER;
        }
        return keys.findById(keyId).filter(k -> k.applicationId().equals(application.get().id()))
                .<Result>map(Result.Found::new).orElse(Result.Stopped.KEY_NOT_FOUND);
    }
}
