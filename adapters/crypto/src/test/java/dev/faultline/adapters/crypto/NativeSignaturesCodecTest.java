package dev.faultline.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.application.access.port.out.AccessTokenCodec.Verification;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ChainId;
import dev.faultline.domain.access.ClientId;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every codec case again with the native provider, plus what lets instances with and without it share a database:
 * both make the very same signatures, and each accepts the other's tokens.
 */
class NativeSignaturesCodecTest extends JwtAccessTokenCodecTest {
    private static final String ISSUER = "https://faultline.example";
    private static final ProtectedResource RESOURCE = new ProtectedResource(ISSUER + "/mcp");
    private static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");
    private static final SigningKey KEY = SigningKey.generateRsa(2048, ISSUED.minus(Duration.ofDays(1)));
    private static final SigningKey EC_KEY = SigningKey.generate(ISSUED.minus(Duration.ofDays(1)));

    private final AccessTokenClaims claims = new AccessTokenClaims(ISSUER, UserId.random(), RESOURCE,
            new ClientId("client-123"), Scopes.READ_ONLY, "jti-native", ISSUED, ISSUED.plus(Duration.ofHours(1)), ChainId.random());

    @Override
    SignatureProvider signatures() {
        SignatureProvider loaded = SignatureProvider.nativeIfAvailable();
        assumeTrue(loaded.isNative(), loaded::description);
        return loaded;
    }

    @Test
    void the_native_provider_loads_where_faultline_ships_it() {
        boolean linuxX64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        assumeTrue(linuxX64, "the bundled native library is for Linux on x86-64");

        SignatureProvider loaded = SignatureProvider.nativeIfAvailable();

        assertThat(loaded.isNative()).as(loaded.description()).isTrue();
        assertThat(loaded.description()).startsWith("AmazonCorrettoCryptoProvider ");
    }

    @Test
    void the_native_provider_takes_each_key_once_as_its_own() throws Exception {
        SignatureProvider loaded = signatures();

        com.nimbusds.jose.crypto.RSASSASigner signer = (com.nimbusds.jose.crypto.RSASSASigner) loaded.signer(KEY);
        com.nimbusds.jose.crypto.RSASSAVerifier verifier =
                (com.nimbusds.jose.crypto.RSASSAVerifier) loaded.verifier(KEY.verificationKey());
        com.nimbusds.jose.crypto.ECDSASigner ecSigner = (com.nimbusds.jose.crypto.ECDSASigner) loaded.signer(EC_KEY);

        assertThat(signer.getPrivateKey().getClass().getName()).as("imported, not handed over on every signature")
                .startsWith("com.amazon.corretto.crypto.provider.");
        assertThat(verifier.getPublicKey().getClass().getName()).startsWith("com.amazon.corretto.crypto.provider.");
        assertThat(ecSigner.getPrivateKey().getClass().getName()).startsWith("com.amazon.corretto.crypto.provider.");
        assertThat(((com.nimbusds.jose.crypto.RSASSASigner) SignatureProvider.jdk().signer(KEY))
                .getPrivateKey()).isSameAs(KEY.privateKey());
    }

    @Test
    void native_and_jdk_signatures_are_the_same_bytes() {
        String byNative = codec(signatures()).encode(claims);
        String byJdk = codec(SignatureProvider.jdk()).encode(claims);

        assertThat(byNative).isEqualTo(byJdk);
    }

    @Test
    void each_accepts_the_tokens_of_the_other_and_refuses_their_forgeries() {
        JwtAccessTokenCodec nativeCodec = codec(signatures());
        JwtAccessTokenCodec jdkCodec = codec(SignatureProvider.jdk());
        String byNative = nativeCodec.encode(claims);
        AccessTokenClaims other = new AccessTokenClaims(ISSUER, UserId.random(), RESOURCE, new ClientId("client-456"),
                Scopes.READ_WRITE, "jti-jdk", ISSUED, ISSUED.plus(Duration.ofHours(1)), ChainId.random());
        String byJdk = jdkCodec.encode(other);

        Instant during = ISSUED.plus(Duration.ofMinutes(5));
        assertThat(jdkCodec.verify(byNative, ISSUER, RESOURCE, during)).isEqualTo(new Verification.Valid(claims));
        assertThat(nativeCodec.verify(byJdk, ISSUER, RESOURCE, during)).isEqualTo(new Verification.Valid(other));
        String lastSignatureCharFlipped = byJdk.substring(0, byJdk.length() - 2)
                + (byJdk.charAt(byJdk.length() - 2) == 'A' ? 'B' : 'A') + byJdk.charAt(byJdk.length() - 1);
        assertThat(nativeCodec.verify(lastSignatureCharFlipped, ISSUER, RESOURCE, during))
                .isEqualTo(new Verification.Invalid("signature does not verify"));
    }

    @Test
    void es256_tokens_of_either_provider_verify_with_the_other() {
        JwtAccessTokenCodec nativeCodec = codec(signatures(), EC_KEY);
        JwtAccessTokenCodec jdkCodec = codec(SignatureProvider.jdk(), EC_KEY);
        Instant during = ISSUED.plus(Duration.ofMinutes(5));

        String byNative = nativeCodec.encode(claims);
        String byJdk = jdkCodec.encode(claims);

        assertThat(byNative.split("\\.")[0]).isEqualTo(byJdk.split("\\.")[0]);
        assertThat(jdkCodec.verify(byNative, ISSUER, RESOURCE, during)).isEqualTo(new Verification.Valid(claims));
        assertThat(nativeCodec.verify(byJdk, ISSUER, RESOURCE, during)).isEqualTo(new Verification.Valid(claims));
        String otherPayload = jdkCodec.encode(new AccessTokenClaims(ISSUER, UserId.random(), RESOURCE,
                new ClientId("client-123"), Scopes.READ_ONLY, "jti-other", ISSUED, ISSUED.plus(Duration.ofHours(1)),
                ChainId.random())).split("\\.")[1];
        String[] parts = byNative.split("\\.");
        assertThat(nativeCodec.verify(parts[0] + "." + otherPayload + "." + parts[2], ISSUER, RESOURCE, during))
                .isEqualTo(new Verification.Invalid("signature does not verify"));
    }

    private static JwtAccessTokenCodec codec(SignatureProvider signatures) {
        return codec(signatures, KEY);
    }

    private static JwtAccessTokenCodec codec(SignatureProvider signatures, SigningKey key) {
        return new JwtAccessTokenCodec(() -> SigningKeys.of(key), Duration.ofSeconds(10), 0, signatures);
    }
}
