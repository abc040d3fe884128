package dev.faultline.adapters.oauth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the endpoints a browser-based client calls with {@code fetch} (registration, token, revocation): they
 * answer every origin without credentials ({@link BrowserClientCors}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OpenToBrowsers {
}
