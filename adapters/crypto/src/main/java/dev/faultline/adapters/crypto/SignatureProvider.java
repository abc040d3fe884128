package dev.faultline.adapters.crypto;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * Who computes the access tokens' RSA signatures: the Amazon Corretto Crypto Provider (ACCP, AWS-LC in native code)
 * when it loads and passes its self-tests on this machine, else the JDK's own providers.
 *
 * <p>Why: pure-Java RSA-2048 signing costs ~1 ms of CPU, the largest single cost of a token grant; ACCP signs the same
 * RS256 in about a quarter of that and verifies in half (see {@code CryptoBenchmark}). RSASSA-PKCS1-v1_5 signatures
 * are deterministic, so both produce the very same bytes and either verifies the other's tokens: instances with and
 * without the native library can share one database. ACCP ships only for Linux on x86-64 and aarch64; on any other
 * platform, or if its library cannot be loaded (say, a {@code noexec} temporary directory), Faultline signs with the
 * JDK and says why at start.
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

    /** The JDK's own providers (SunRsaSign). */
    public static SignatureProvider jdk() {
        return new SignatureProvider(null, "the JDK (SunRsaSign)");
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
        return new SignatureProvider(null, "the JDK (SunRsaSign); the native provider is unavailable: " + why);
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
    JWSSigner rsaSigner(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        if (provider == null) {
            return new RSASSASigner(key);
        }
        RSASSASigner signer = new RSASSASigner(translated(key));
        signer.getJCAContext().setProvider(provider);
        return signer;
    }

    /** A verifier for {@code key}, to be kept as long as the key (see {@link #rsaSigner}). */
    JWSVerifier rsaVerifier(RSAPublicKey key) {
        Objects.requireNonNull(key, "key");
        if (provider == null) {
            return new RSASSAVerifier(key);
        }
        RSASSAVerifier verifier = new RSASSAVerifier((RSAPublicKey) translated(key));
        verifier.getJCAContext().setProvider(provider);
        return verifier;
    }

    @SuppressWarnings("unchecked")
    private <K extends Key> K translated(K key) {
        try {
            return (K) KeyFactory.getInstance("RSA", provider).translateKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(description + " could not take an RSA key", e);
        }
    }

    @Override
    public String toString() {
        return "SignatureProvider[" + description + "]";
    }
}
