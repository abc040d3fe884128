package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A PKCE code challenge (RFC 7636), method S256 only: {@code BASE64URL(SHA256(code_verifier))} without
 * padding, i.e. exactly 43 base64url characters. {@code plain} is refused (OAuth 2.1 §4.1.1, MCP).
 */
public record PkceChallenge(String value) {
    public static final String S256 = "S256";
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    public PkceChallenge {
        InvalidValue.require(value != null && CHALLENGE.matcher(value).matches(), "code_challenge",
                "code_challenge must be 43 base64url characters (BASE64URL(SHA256(code_verifier)) without padding)");
    }

    /**
     * Accepts a challenge from an authorization request. A missing method means {@code plain} (RFC 7636 §4.3),
     * which is refused like an explicit {@code plain}.
     */
    public static PkceChallenge of(String challenge, String method) {
        InvalidValue.require(challenge != null && !challenge.isEmpty(), "code_challenge",
                "code_challenge is required (PKCE with S256)");
        if ("plain".equals(method) || method == null || method.isEmpty()) {
            throw new InvalidValue("code_challenge_method", "code_challenge_method \"plain\" is not supported;"
                    + " use S256" + (method == null || method.isEmpty() ? " (an absent method means plain)" : ""));
        }
        InvalidValue.require(S256.equals(method), "code_challenge_method",
                "code_challenge_method \"" + method + "\" is not supported; use S256");
        return new PkceChallenge(challenge);
    }

    /** The challenge a client derives from {@code verifier}; for clients in tests and for symmetry. */
    public static PkceChallenge derivedFrom(String verifier) {
        return new PkceChallenge(s256(verifier));
    }

    public String method() {
        return S256;
    }

    /** Checks a token request's {@code code_verifier} against this challenge, in constant time. */
    public Verification verify(String verifier) {
        if (verifier == null || verifier.isEmpty()) {
            return new Verification.Malformed("code_verifier is required");
        }
        if (!VERIFIER.matcher(verifier).matches()) {
            return new Verification.Malformed(
                    "code_verifier must be 43-128 characters of A-Z, a-z, 0-9, '-', '.', '_' or '~'");
        }
        boolean same = MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII));
        return same ? new Verification.Matches() : new Verification.DoesNotMatch();
    }

    private static String s256(String verifier) {
        byte[] digest = TokenHash.sha256(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** The outcome of checking a code verifier. */
    public sealed interface Verification {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Matches, R> matches, Function<DoesNotMatch, R> doesNotMatch, Function<Malformed, R> malformed);

        record Matches() implements Verification {
            @Override
            public <R> R fold(
                    Function<Matches, R> matches, Function<DoesNotMatch, R> doesNotMatch,
                    Function<Malformed, R> malformed) {
                return matches.apply(this);
            }
        }

        record DoesNotMatch() implements Verification {
            @Override
            public <R> R fold(
                    Function<Matches, R> matches, Function<DoesNotMatch, R> doesNotMatch,
                    Function<Malformed, R> malformed) {
                return doesNotMatch.apply(this);
            }
        }

        record Malformed(String description) implements Verification {
            @Override
            public <R> R fold(
                    Function<Matches, R> matches, Function<DoesNotMatch, R> doesNotMatch,
                    Function<Malformed, R> malformed) {
                return malformed.apply(this);
            }
        }
    }
}
