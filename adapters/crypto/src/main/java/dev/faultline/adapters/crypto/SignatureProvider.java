package dev.faultline.adapters.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * Who computes the access tokens' signatures: the Amazon Corretto Crypto Provider (ACCP, AWS-LC in native code)
 * when it loads and passes its self-tests on this machine, else the JDK's own providers.
 *
 * <p>Why: signing an access token was the largest single cost of a token grant. Per signature, ES256 costs 19 µs with
 * ACCP against 547 µs on the JDK, and RS256 256 against 998 µs (see {@code CryptoBenchmark}). Both providers make
 * signatures the other verifies (RS256's are even the same bytes), so instances with and without the native library
 * can share one database. Faultline bundles ACCP's build for Linux on x86-64; on any other platform, or if its library
 * cannot be loaded (say, a {@code noexec} temporary directory), Faultline signs with the JDK and says why at start.
 *
 * <p>Only the signers and verifiers made here use the provider; nothing is installed process-wide, so TLS, random
 * numbers and hashing keep the JDK's providers.
 */
public final class SignatureProvider {
    private static final String NATIVE_PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private final Provider provider;
    private final String description;

    private SignatureProvider(Provider provider, String description) {
        this.provider = provider;
        this.description = description;
    }

    /** The JDK's own providers (SunEC, SunRsaSign). */
    public static SignatureProvider jdk() {
        return new SignatureProvider(null, "the JDK's own providers");
    }

    /** The native provider if it works here, else {@link #jdk()} with the reason in its {@link #description()}. */
    public static SignatureProvider nativeIfAvailable() {
        Provider candidate;
        try {
            candidate = (Provider) Class.forName(NATIVE_PROVIDER_CLASS).getField("INSTANCE").get(null);
        } catch (ClassNotFoundException e) {
            return unavailable("not on the class path");
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return unavailable(e.toString());
        }
        try {
            // Loads the library if it has not yet, runs the self-tests, and throws if either failed.
            candidate.getClass().getMethod("assertHealthy").invoke(candidate);
        } catch (InvocationTargetException e) {
            return unavailable(String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError e) {
            return unavailable(e.toString());
        }
        return new SignatureProvider(candidate, candidate.getName() + " " + candidate.getVersionStr() + " (native)");
    }

    private static SignatureProvider unavailable(String why) {
        return new SignatureProvider(null, "the JDK's own providers; the native provider is unavailable: " + why);
    }

    public boolean isNative() {
        return provider != null;
    }

    /** Which provider signs, for the start-up log. */
    public String description() {
        return description;
    }

    /**
     * A signer for {@code key}, to be kept as long as the key: with the native provider the key is imported into it
     * here, once (a JDK key handed to it is imported again on every signature, which nearly tripled its cost).
     */
    JWSSigner signer(SigningKey key) {
        Objects.requireNonNull(key, "key");
        try {
            if (JWSAlgorithm.ES256.equals(key.algorithm())) {
                ECDSASigner signer = new ECDSASigner(imported(key.privateKey(), "EC"), Curve.P_256);
                provide(signer.getJCAContext());
                return signer;
            }
            RSASSASigner signer = new RSASSASigner(imported(key.privateKey(), "RSA"));
            provide(signer.getJCAContext());
            return signer;
        } catch (JOSEException e) {
            throw new IllegalStateException("no signer for " + key, e);
        }
    }

    /** A verifier for {@code key}, to be kept as long as the key (see {@link #signer}). */
    JWSVerifier verifier(VerificationKey key) {
        Objects.requireNonNull(key, "key");
        try {
            if (JWSAlgorithm.ES256.equals(key.algorithm())) {
                ECDSAVerifier verifier = new ECDSAVerifier((ECPublicKey) imported(key.publicKey(), "EC"));
                provide(verifier.getJCAContext());
                return verifier;
            }
            RSASSAVerifier verifier = new RSASSAVerifier((RSAPublicKey) imported(key.publicKey(), "RSA"));
            provide(verifier.getJCAContext());
            return verifier;
        } catch (JOSEException e) {
            throw new IllegalStateException("no verifier for " + key, e);
        }
    }

    private void provide(JCAContext context) {
        if (provider != null) {
            context.setProvider(provider);
        }
    }

    /** {@code key} as the native provider's own key (imported once), or as it is for the JDK's. */
    @SuppressWarnings("unchecked")
    private <K extends Key> K imported(K key, String algorithm) {
        if (provider == null) {
            return key;
        }
        try {
            return (K) KeyFactory.getInstance(algorithm, provider).translateKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(description + " could not take an " + algorithm + " key", e);
        }
    }

    @Override
    public String toString() {
        return "SignatureProvider[" + description + "]";
    }
}
