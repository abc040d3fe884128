package dev.faultline.adapters.clientmetadata.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTPS server (JDK {@code HttpsServer}, certificate from {@link TestTls}) on 127.0.0.1 that serves
 * scripted responses by path, and records the requests it got. Documents are addressed as
 * {@code https://localhost:<port>/<path>}, a loopback host name the certificate names.
 */
public final class DocumentServer implements AutoCloseable {
    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, Map.copyOf(all), body);
        }
    }

    /** What a request asked for (for assertions on Accept etc.). */
    public record Seen(String path, String accept) {
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public DocumentServer(TestTls tls) {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "https://localhost:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        seen.add(new Seen(path, exchange.getRequestHeaders().getFirst("Accept")));
        Answer answer = answers.getOrDefault(path, new Answer(404, Map.of(), new byte[0]));
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
