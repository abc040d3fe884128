package dev.faultline.bootstrap.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The loopback redirect URI of a native OAuth client ({@code http://127.0.0.1:<port>/callback}): records the
 * query of the first request the browser makes to it and answers with a small page.
 */
public final class CallbackReceiver implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<Map<String, String>> queries = new LinkedBlockingQueue<>();

    private CallbackReceiver(HttpServer server) {
        this.server = server;
    }

    public static CallbackReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CallbackReceiver receiver = new CallbackReceiver(server);
            server.createContext("/callback", exchange -> {
                receiver.queries.add(parameters(exchange.getRequestURI().getRawQuery()));
                byte[] page = "<!DOCTYPE html><title>Signed in</title><p>You can close this window.</p>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** The decoded query parameters of the next callback, once the browser has arrived. */
    public Map<String, String> awaitQuery() {
        try {
            Map<String, String> query = queries.poll(30, TimeUnit.SECONDS); // failure-only limit, sized for a loaded CI machine
            if (query == null) {
                throw new AssertionError("the browser never reached " + redirectUri());
            }
            return query;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }
}
