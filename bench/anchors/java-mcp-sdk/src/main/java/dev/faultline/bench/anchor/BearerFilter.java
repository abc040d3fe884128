package dev.faultline.bench.anchor;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A local bearer check, as a resource server that trusts a JWT issuer does it: RS256 signature with the known
 * key, {@code typ: at+jwt}, {@code exp} in the future and {@code aud} = this resource. No store is consulted, so
 * a token stays valid until it expires (no revocation).
 */
final class BearerFilter implements Filter {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    BearerFilter(RSAKey publicKey, String resource) {
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(publicKey))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(resource,
                new JWTClaimsSet.Builder().build(), Set.of("sub", "exp")));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) res;
        String header = ((HttpServletRequest) req).getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(response, "Bearer");
            return;
        }
        try {
            processor.process(header.substring(7).trim(), null);
        } catch (Exception e) {
            refuse(response, "Bearer error=\"invalid_token\"");
            return;
        }
        chain.doFilter(req, res);
    }

    private static void refuse(HttpServletResponse response, String challenge) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", challenge);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"invalid_token\"}");
    }
}
