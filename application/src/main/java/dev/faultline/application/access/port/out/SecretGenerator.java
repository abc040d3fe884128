package dev.faultline.application.access.port.out;

import dev.faultline.domain.access.SecretKind;

/**
 * Source of fresh secrets: the kind's prefix followed by at least 256 bits from a cryptographically strong
 * random source. Personal tokens follow {@link dev.faultline.domain.access.PersonalTokenFormat}. Two calls
 * never return the same value (with overwhelming probability).
 */
public interface SecretGenerator {
    String generate(SecretKind kind);
}
