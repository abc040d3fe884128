package dev.faultline.application.access.testing;

import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.SecretKind;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique, prefixed, readable secrets for tests (not cryptographically strong). Personal tokens are well-formed
 * (body and checksum), so they authenticate. Thread-safe.
 */
public final class FakeSecretGenerator implements SecretGenerator {
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String generate(SecretKind kind) {
        String unique = counter.incrementAndGet() + "x" + UUID.randomUUID().toString().replace("-", "");
        if (kind == SecretKind.PERSONAL_TOKEN) {
            return PersonalTokenFormat.fromBody((unique + "0".repeat(43)).substring(0, 43));
        }
        return kind.prefix() + unique.replace('x', '_');
    }
}
