package dev.faultline.adapters.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.shared.InvalidValue;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Access tokens as RFC 9068 JWTs signed with the active key: ES256 (new keys), or RS256 (RSA keys of earlier
 * versions, until rotated out). nimbus-jose-jwt.
 *
 * <p>Header: {@code alg} (the key's), {@code typ: at+jwt}, {@code kid} of the active key. Claims: {@code iss},
 * {@code sub} (user id), {@code aud} (the MCP resource), {@code client_id}, {@code scope} (space-delimited),
 * {@code jti}, {@code iat}, {@code exp} and {@code chain} (the token chain id, so that revoking the chain
 * kills the token). JWT times are whole seconds: instants are truncated on encoding.
 *
 * <p><b>Why ES256</b>: a grant signs one token, and ES256 signs at a fraction of RS256's cost (see {@link SigningKey});
 * verification, which on the JDK's own provider costs more for ES256, happens once per token and instance: the
 * verified token is remembered (below).
 *
 * <p>Verification refuses, with a precise reason: anything but a compact JWS; {@code alg} other than ES256 or RS256
 * (so {@code none} and HMAC algorithms, including the "public key as HMAC secret" confusion), or other than the
 * algorithm of the key its {@code kid} names (an RSA key never verifies an ES256 claim, nor the reverse); {@code typ}
 * other than {@code at+jwt} (so an ID token or other JWT is not taken for an access token); an unknown or
 * untrusted {@code kid}; a bad signature; another issuer (exact match); an audience list without the
 * expected resource; a token expired at {@code now} or issued/not-before in the future, each with the
 * configured clock skew as tolerance; missing or malformed required claims. Claims are read only after the
 * signature checks out.
 *
 * <p><b>Clock skew</b> (default {@value #DEFAULT_CLOCK_SKEW_SECONDS} s, at most 5 minutes): tokens are issued and
 * verified by Faultline instances only, whose clocks differ by NTP drift; a few seconds of tolerance keeps a
 * token signed on one node from being "not yet valid" on another, at the price of living as long past its
 * {@code exp}. Revocation does not depend on it: the chain check happens on every request.
 *
 * <p>A token that passed the form, header and signature checks may be remembered ({@link VerifiedTokens}, at most
 * {@code verifiedTokenCacheSize} of them) so the next call with it skips them; its claims are checked every time.
 */
public final class JwtAccessTokenCodec implements AccessTokenCodec {
    public static final long DEFAULT_CLOCK_SKEW_SECONDS = 10;
    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    static final String CHAIN_CLAIM = "chain";
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** The algorithms of the keys Faultline signs with; each key verifies only its own ({@link VerificationKey}). */
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Supplier<SigningKeys> keys;
    private final Duration clockSkew;
    private final VerifiedTokens verified;
    private final SignatureProvider signatures;
    private volatile Prepared prepared;

    /** Fixed keys and the default clock skew. */
    public JwtAccessTokenCodec(SigningKeys keys) {
        this(() -> keys, Duration.ofSeconds(DEFAULT_CLOCK_SKEW_SECONDS));
        Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param keys read on every call, so a rotation (e.g. an {@code AtomicReference<SigningKeys>::get}) takes
     *             effect at once
     * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}: 0 to 5 minutes
     */
    public JwtAccessTokenCodec(Supplier<SigningKeys> keys, Duration clockSkew) {
        this(keys, clockSkew, 0);
    }

    /** @param verifiedTokenCacheSize tokens whose signature is remembered once checked; 0 = check every time */
    public JwtAccessTokenCodec(Supplier<SigningKeys> keys, Duration clockSkew, int verifiedTokenCacheSize) {
        this(keys, clockSkew, verifiedTokenCacheSize, SignatureProvider.jdk());
    }

    /** @param signatures computes the signatures; each provider accepts the others' */
    public JwtAccessTokenCodec(Supplier<SigningKeys> keys, Duration clockSkew, int verifiedTokenCacheSize,
            SignatureProvider signatures) {
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.verified = new VerifiedTokens(verifiedTokenCacheSize);
        this.keys = Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW + ", was " + clockSkew);
        }
        this.clockSkew = clockSkew;
    }

    @Override
    public String encode(AccessTokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        SigningKeys current = keys.get();
        SigningKey key = current.active();
        JWSHeader header = new JWSHeader.Builder(key.algorithm()).type(AT_JWT).keyID(key.keyId()).build();
        JWTClaimsSet body = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .subject(claims.subject().toString())
                .audience(claims.audience().uri())
                .claim("client_id", claims.clientId().value())
                .claim("scope", claims.scopes().asString())
                .jwtID(claims.jwtId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim(CHAIN_CLAIM, claims.chainId().toString())
                .build();
        SignedJWT jwt = new SignedJWT(header, body);
        try {
            jwt.sign(prepared(current).signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return jwt.serialize();
    }

    @Override
    public Map<String, Object> publicJwks() {
        return keys.get().publicJwks();
    }

    @Override
    public Verification verify(String token, String expectedIssuer, ProtectedResource expectedAudience, Instant now) {
        Objects.requireNonNull(expectedIssuer, "expectedIssuer");
        Objects.requireNonNull(expectedAudience, "expectedAudience");
        Objects.requireNonNull(now, "now");
        if (token == null || token.isBlank()) {
            return invalid("no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return invalid("token longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        SigningKeys trusted = keys.get();
        Optional<JWTClaimsSet> known = verified.claims(token, trusted);
        if (known.isPresent()) {
            return checkClaims(known.get(), expectedIssuer, expectedAudience, now);
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            return invalid("not a well-formed JWT");
        }
        if (parsed instanceof PlainJWT) {
            return invalid("unsigned JWT (alg none) refused");
        }
        if (parsed instanceof EncryptedJWT) {
            return invalid("encrypted JWT refused; access tokens are signed JWTs");
        }
        if (!(parsed instanceof SignedJWT jwt)) {
            return invalid("not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            return invalid("algorithm " + header.getAlgorithm()
                    + " refused; access tokens are signed with ES256 or RS256");
        }
        if (!isAccessTokenType(header.getType())) {
            return invalid("typ " + (header.getType() == null ? "missing" : "\"" + header.getType() + "\"")
                    + "; an access token has typ at+jwt");
        }
        if (header.getKeyID() == null) {
            return invalid("kid missing from the header");
        }
        var key = trusted.verificationKey(header.getKeyID());
        if (key.isEmpty()) {
            return invalid("unknown or retired signing key kid \"" + abbreviate(header.getKeyID()) + "\"");
        }
        if (!key.get().algorithm().equals(header.getAlgorithm())) {
            return invalid("algorithm " + header.getAlgorithm() + " is not the one of key kid \""
                    + abbreviate(header.getKeyID()) + "\" (" + key.get().algorithm() + ")");
        }
        try {
            if (!jwt.verify(prepared(trusted).verifiers().get(key.get().keyId()))) {
                return invalid("signature does not verify");
            }
        } catch (JOSEException e) {
            return invalid("signature could not be checked: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid("claims are not a JSON object");
        }
        verified.remember(token, trusted, claims, now);
        return checkClaims(claims, expectedIssuer, expectedAudience, now);
    }

    /**
     * The signer and verifiers of {@code keys}, made once per key set (a reload that changes the keys or a rotation
     * yields a new one): making them is where the native provider imports a key, which costs more than a signature.
     */
    private Prepared prepared(SigningKeys keys) {
        Prepared current = prepared;
        if (current == null || current.keys() != keys) {
            Map<String, JWSVerifier> verifiers = new HashMap<>();
            verifiers.put(keys.active().keyId(), signatures.verifier(keys.active().verificationKey()));
            keys.retired().forEach(key -> verifiers.put(key.keyId(), signatures.verifier(key)));
            current = new Prepared(keys, signatures.signer(keys.active()), Map.copyOf(verifiers));
            prepared = current;
        }
        return current;
    }

    private record Prepared(SigningKeys keys, JWSSigner signer, Map<String, JWSVerifier> verifiers) {
    }

    /** How many verified tokens are remembered now (for tests of the bound). */
    int rememberedTokens() {
        return verified.size();
    }

    private Verification checkClaims(JWTClaimsSet claims, String expectedIssuer, ProtectedResource expectedAudience,
            Instant now) {
        try {
            return checkClaimsOf(claims, expectedIssuer, expectedAudience, now);
        } catch (ParseException e) {
            return invalid("claims are not a JSON object");
        }
    }

    private Verification checkClaimsOf(JWTClaimsSet claims, String expectedIssuer, ProtectedResource expectedAudience,
            Instant now)
            throws ParseException {
        if (!expectedIssuer.equals(claims.getIssuer())) {
            return invalid("issuer " + quoted(claims.getIssuer()) + " is not " + quoted(expectedIssuer));
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(expectedAudience.uri())) {
            return invalid("audience " + audience + " does not include " + quoted(expectedAudience.uri()));
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null) {
            return invalid("exp missing");
        }
        if (iat == null) {
            return invalid("iat missing");
        }
        if (!now.minus(clockSkew).isBefore(exp.toInstant())) {
            return invalid("expired at " + exp.toInstant());
        }
        if (iat.toInstant().isAfter(now.plus(clockSkew))) {
            return invalid("issued in the future (iat " + iat.toInstant() + ")");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(clockSkew))) {
            return invalid("not valid before " + nbf.toInstant());
        }
        String subject = claims.getSubject();
        String clientId = claims.getStringClaim("client_id");
        String scope = claims.getStringClaim("scope");
        String jwtId = claims.getJWTID();
        String chain = claims.getStringClaim(CHAIN_CLAIM);
        String missing = firstMissing("sub", subject, "client_id", clientId, "scope", scope, "jti", jwtId, CHAIN_CLAIM, chain);
        if (missing != null) {
            return invalid(missing + " missing");
        }
        UserId user;
        ChainId chainId;
        try {
            user = UserId.parse(subject);
        } catch (IllegalArgumentException e) {
            return invalid("sub is not a user id");
        }
        try {
            chainId = ChainId.parse(chain);
        } catch (IllegalArgumentException e) {
            return invalid("chain is not a chain id");
        }
        try {
            return new Verification.Valid(new AccessTokenClaims(claims.getIssuer(), user, expectedAudience,
                    new ClientId(clientId), Scopes.parse(scope, null), jwtId, iat.toInstant(), exp.toInstant(), chainId));
        } catch (InvalidValue | IllegalArgumentException e) {
            return invalid("malformed claim: " + e.getMessage());
        }
    }

    /** The name of the first claim (given as name, value pairs) that is absent or blank, else null. */
    private static String firstMissing(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null || value.isBlank()) {
                return namesAndValues[i];
            }
        }
        return null;
    }

    /** RFC 9068 §4: {@code at+jwt}; RFC 7515 allows the full media type {@code application/at+jwt} too. */
    private static boolean isAccessTokenType(JOSEObjectType type) {
        if (type == null) {
            return false;
        }
        String value = type.getType();
        return "at+jwt".equalsIgnoreCase(value) || "application/at+jwt".equalsIgnoreCase(value);
    }

    private static Verification invalid(String reason) {
        return new Verification.Invalid(reason);
    }

    private static String quoted(String value) {
        return value == null ? "(missing)" : "\"" + abbreviate(value) + "\"";
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    @Override
    public String toString() {
        return "JwtAccessTokenCodec[signed by " + signatures.description() + ", clockSkew=" + clockSkew + "]";
    }
}
