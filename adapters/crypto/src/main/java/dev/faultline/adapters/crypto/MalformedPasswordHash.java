package dev.faultline.adapters.crypto;

/**
 * A stored password hash is not an Argon2id PHC string this hasher can check. This is corrupt data, not a
 * wrong password: it is thrown rather than answered with {@code false} so that it is noticed. The message
 * names what is wrong and never contains the hash itself.
 */
public final class MalformedPasswordHash extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedPasswordHash(String message) {
        super(message);
    }

    MalformedPasswordHash(String message, Throwable cause) {
        super(message, cause);
    }
}
