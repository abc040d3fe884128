package dev.faultline.application.account.port.out;

import dev.faultline.domain.account.PasswordHash;

/**
 * Slow, salted password hashing (Argon2id). {@link #verify} takes the same time whether or not the password
 * matches; {@link #dummyVerify} burns the same time for a sign-in with an unknown e-mail address so that the
 * response time does not reveal which addresses have accounts.
 */
public interface PasswordHasher {
    PasswordHash hash(String password);

    boolean verify(String password, PasswordHash hash);

    void dummyVerify(String password);

    /** True when the hash was made with weaker parameters than the current ones and should be replaced. */
    boolean needsRehash(PasswordHash hash);
}
