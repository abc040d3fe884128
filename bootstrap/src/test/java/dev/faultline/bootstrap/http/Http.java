package dev.faultline.bootstrap.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The plain HTTP chores of the end-to-end tests: send a request, encode a form, read a redirect's query. */
public final class Http {
    private Http() {
    }

    /** Sends {@code request} and reads the body as text; an I/O failure fails the test. */
    public static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code application/x-www-form-urlencoded} (and query string) encoding, in the map's order. */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The decoded query parameters of a redirect back to a client, whatever its scheme (https, a private-use one). */
    public static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            try {
                raw = new URI(uri.toString().replaceFirst("^[a-z0-9.+-]+:", "x:")).getRawQuery();
            } catch (URISyntaxException e) {
                throw new AssertionError(e);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }
}
