package dev.faultline.adapters.crypto.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.faultline.adapters.crypto.Argon2idPasswordHasher;
import dev.faultline.adapters.crypto.SecureSecretGenerator;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.PasswordHash;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Relative costs of the checks Faultline makes on hot paths, measured in one run and printed as ratios
 * (absolute times on a shared, noisy machine mean little). Not a test: its name does not end in Test, so
 * {@code verify} never runs it. Run it from the repository root with the test classpath (the dependency plugin
 * may need a download the first time, so the jars are named directly here):
 *
 * <pre>
 * ./mvnw -B -o -q test-compile -pl adapters/crypto -am
 * java -cp adapters/crypto/target/test-classes:adapters/crypto/target/classes:application/target/classes:\
 * domain/target/classes:$HOME/.m2/repository/com/nimbusds/nimbus-jose-jwt/10.10/nimbus-jose-jwt-10.10.jar:\
 * $HOME/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.83/bcprov-jdk18on-1.83.jar:\
 * $HOME/.m2/repository/software/amazon/cryptools/AmazonCorrettoCryptoProvider/2.5.0/AmazonCorrettoCryptoProvider-2.5.0-linux-x86_64.jar \
 *      dev.faultline.adapters.crypto.bench.CryptoBenchmark
 * </pre>
 *
 * Each case runs in several interleaved rounds after a warm-up; the median round is reported.
 */
public final class CryptoBenchmark {
    private static final int ROUNDS = 7;

    private CryptoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://faultline.example").subject(UUID.randomUUID().toString())
                .audience("https://faultline.example/mcp").claim("client_id", "bench").claim("scope", "mcp:read")
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).claim("chain", UUID.randomUUID().toString())
                .build();
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();

        Map<String, Case> jwtCases = new LinkedHashMap<>();
        jwtCases.put("RS256 verify (RSA 2048)", verifyCase(sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, claims), new RSASSAVerifier(rsa.toRSAPublicKey())));
        jwtCases.put("PS256 verify (RSA 2048)", verifyCase(sign(new RSASSASigner(rsa), JWSAlgorithm.PS256, claims), new RSASSAVerifier(rsa.toRSAPublicKey())));
        jwtCases.put("ES256 verify (P-256)   ", verifyCase(sign(new ECDSASigner(ec), JWSAlgorithm.ES256, claims), new ECDSAVerifier(ec.toECPublicKey())));
        jwtCases.put("RS256 sign (RSA 2048)  ", signCase(new RSASSASigner(rsa), JWSAlgorithm.RS256, claims));
        jwtCases.put("ES256 sign (P-256)     ", signCase(new ECDSASigner(ec), JWSAlgorithm.ES256, claims));
        Provider accp = nativeProvider();
        if (accp != null) {
            // SignatureProvider imports each key into the provider once; a JDK key is imported on every signature.
            KeyFactory imports = KeyFactory.getInstance("RSA", accp);
            RSASSASigner nativeRsa = new RSASSASigner((PrivateKey) imports.translateKey(rsa.toPrivateKey()));
            nativeRsa.getJCAContext().setProvider(accp);
            RSASSASigner nativeRsaJdkKey = new RSASSASigner(rsa);
            nativeRsaJdkKey.getJCAContext().setProvider(accp);
            RSASSAVerifier nativeVerifier = new RSASSAVerifier((RSAPublicKey) imports.translateKey(rsa.toRSAPublicKey()));
            nativeVerifier.getJCAContext().setProvider(accp);
            jwtCases.put("RS256 verify, native   ", verifyCase(sign(nativeRsa, JWSAlgorithm.RS256, claims), nativeVerifier));
            jwtCases.put("RS256 sign, native     ", signCase(nativeRsa, JWSAlgorithm.RS256, claims));
            jwtCases.put("RS256 sign, native, JDK key", signCase(nativeRsaJdkKey, JWSAlgorithm.RS256, claims));
        }

        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();
        PasswordHash passwordHash = hasher.hash("correct horse battery staple");
        String token = new SecureSecretGenerator().generate(SecretKind.PERSONAL_TOKEN);
        Map<String, Case> secretCases = new LinkedHashMap<>();
        secretCases.put("Argon2id verify (m=19456,t=2,p=1)", () -> {
            if (!hasher.verify("correct horse battery staple", passwordHash)) {
                throw new IllegalStateException();
            }
        });
        secretCases.put("SHA-256 token hash (TokenHash.of)", () -> TokenHash.of(token));

        System.out.println("Java " + System.getProperty("java.version") + " on " + System.getProperty("os.arch")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs; median of " + ROUNDS + " rounds");
        Map<String, Double> jwt = measure(jwtCases, 250);
        double rs256 = jwt.get("RS256 verify (RSA 2048)");
        System.out.println("\nJWT signature cost, relative to RS256 verification:");
        jwt.forEach((name, nanos) -> System.out.printf("  %s  %8.1f us/op  x%6.2f%n", name, nanos / 1000, nanos / rs256));

        Map<String, Double> secrets = measure(secretCases, 1);
        double sha = secrets.get("SHA-256 token hash (TokenHash.of)");
        System.out.println("\nSecret check cost, relative to hashing a token with SHA-256:");
        secrets.forEach((name, nanos) -> System.out.printf("  %s  %10.1f us/op  x%,10.0f%n", name, nanos / 1000, nanos / sha));
    }

    /** Amazon Corretto Crypto Provider, as {@code SignatureProvider} loads it, or null where it does not load. */
    private static Provider nativeProvider() {
        try {
            Provider candidate = (Provider) Class.forName(
                    "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider").getField("INSTANCE").get(null);
            candidate.getClass().getMethod("assertHealthy").invoke(candidate);
            return candidate;
        } catch (ReflectiveOperationException | LinkageError e) {
            System.out.println("native provider not measured: " + e);
            return null;
        }
    }

    @FunctionalInterface
    private interface Case {
        void run() throws Exception;
    }

    /** Median nanoseconds per operation for each case; cases alternate within every round. */
    private static Map<String, Double> measure(Map<String, Case> cases, int baseIterations) throws Exception {
        Map<String, Integer> iterations = new LinkedHashMap<>();
        for (var entry : cases.entrySet()) {
            // Calibrate so each case runs ~200 ms per round, whatever its cost.
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < 200_000_000L || n < baseIterations) {
                entry.getValue().run();
                n++;
            }
            iterations.put(entry.getKey(), n);
        }
        Map<String, double[]> rounds = new LinkedHashMap<>();
        cases.keySet().forEach(name -> rounds.put(name, new double[ROUNDS]));
        for (int round = 0; round < ROUNDS; round++) {
            for (var entry : cases.entrySet()) {
                int n = iterations.get(entry.getKey());
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    entry.getValue().run();
                }
                rounds.get(entry.getKey())[round] = (System.nanoTime() - start) / (double) n;
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        rounds.forEach((name, values) -> {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            medians.put(name, sorted[ROUNDS / 2]);
        });
        return medians;
    }

    private static Case verifyCase(String token, JWSVerifier verifier) {
        return () -> {
            if (!SignedJWT.parse(token).verify(verifier)) {
                throw new IllegalStateException("benchmark token does not verify");
            }
        };
    }

    private static Case signCase(JWSSigner signer, JWSAlgorithm alg, JWTClaimsSet claims) {
        return () -> sign(signer, alg, claims);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, JWTClaimsSet claims) throws JOSEException, ParseException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID("bench").build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
