package dev.faultline.application.access;

import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.SecretKind;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable, distinct, well-formed secrets for use-case tests (the real generator lives in crypto). */
final class SequentialSecrets implements SecretGenerator {
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String generate(SecretKind kind) {
        String digits = String.format("%043d", counter.incrementAndGet());
        return kind == SecretKind.PERSONAL_TOKEN ? PersonalTokenFormat.fromBody(digits) : kind.prefix() + digits;
    }
}
