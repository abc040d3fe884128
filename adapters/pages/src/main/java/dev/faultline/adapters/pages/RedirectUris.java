package dev.faultline.adapters.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Adds response parameters to a client's redirect URI (RFC 6749 §4.1.2: {@code application/x-www-form-urlencoded},
 * keeping any query the registered URI already has). Registered redirect URIs never have a fragment.
 */
public final class RedirectUris {
    private RedirectUris() {
    }

    public static String withParameters(String redirectUri, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(redirectUri);
        boolean hasQuery = redirectUri.indexOf('?') >= 0;
        boolean needsSeparator = !(redirectUri.endsWith("?") || redirectUri.endsWith("&"));
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (needsSeparator) {
                uri.append(hasQuery ? '&' : '?');
            }
            hasQuery = true;
            needsSeparator = true;
            uri.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        return uri.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
