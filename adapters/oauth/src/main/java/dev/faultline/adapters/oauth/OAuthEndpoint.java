package dev.faultline.adapters.oauth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the authorization server's JSON endpoints (metadata, JWKS, registration, token, revocation): their error
 * answers are OAuth error objects, never cached ({@link OAuthErrorResponseFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OAuthEndpoint {
}
