package dev.faultline.application.access.testing;

import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.domain.access.SecretKind;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Unique, prefixed, readable secrets for tests (not cryptographically strong). Thread-safe. */
public final class FakeSecretGenerator implements SecretGenerator {
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String generate(SecretKind kind) {
        return kind.prefix() + counter.incrementAndGet() + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
