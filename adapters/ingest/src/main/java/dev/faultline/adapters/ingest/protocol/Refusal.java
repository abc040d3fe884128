package dev.faultline.adapters.ingest.protocol;

/**
 * Why a request is refused, with the HTTP status and the {@code X-Sentry-Error} text an SDK logs. SDKs never retry
 * a refusal, so each one is a crash lost for good: only bytes that cannot be a crash are refused.
 */
public sealed interface Refusal {

    /** Longest {@code X-Sentry-Error} text sent; longer reasons are cut. */
    int MAX_REASON_LENGTH = 300;

    /** The HTTP status of the response. */
    int status();

    /** The precise reason, as sent in {@code X-Sentry-Error} and the body's {@code detail}. */
    String reason();

    /** 400: the body is not a valid envelope, event, or encoding. */
    record Malformed(String reason) implements Refusal {
        public Malformed {
            reason = headerSafe(reason);
        }

        @Override
        public int status() {
            return 400;
        }
    }

    /** 403: no key, keys that disagree, or a key that does not open the project in the URL. */
    record Forbidden(String reason) implements Refusal {
        public Forbidden {
            reason = headerSafe(reason);
        }

        @Override
        public int status() {
            return 403;
        }
    }

    /** 413: more bytes than a limit allows, compressed or decompressed, or an item over its type's limit. */
    record TooLarge(String reason) implements Refusal {
        public TooLarge {
            reason = headerSafe(reason);
        }

        @Override
        public int status() {
            return 413;
        }
    }

    /** 415: a {@code Content-Encoding} Faultline cannot decode. */
    record UnsupportedEncoding(String reason) implements Refusal {
        public UnsupportedEncoding {
            reason = headerSafe(reason);
        }

        @Override
        public int status() {
            return 415;
        }
    }

    /**
     * The one answer for an unknown project, an unknown key, a disabled key and a key of another project, so a
     * caller learns nothing about which keys exist (Bugsink and Sentry do the same).
     */
    public static Forbidden unknownProjectOrKey() {
        return new Forbidden("project not found or key incorrect");
    }

    /**
     * Makes a reason safe as an HTTP header value: printable ASCII only (a reason may quote client input, and a
     * CR or LF there would split the response), at most {@link #MAX_REASON_LENGTH} characters.
     */
    static String headerSafe(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        StringBuilder safe = new StringBuilder(Math.min(reason.length(), MAX_REASON_LENGTH));
        for (int i = 0; i < reason.length() && safe.length() < MAX_REASON_LENGTH; i++) {
            char c = reason.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return safe.toString().strip();
    }
}
