package dev.faultline.bootstrap.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A POST that declares a body the server refuses unread, and sends only its first byte. Streaming such a body
 * instead races the upload against the server's close: the kernel then resets the connection and the answer is lost
 * in some runs. One byte is needed because Jetty dispatches a request with a body only once content arrives; it
 * lands in Jetty's own buffer, so the close leaves nothing unread in the kernel's.
 */
final class UnsentBody {
    private static final int FAILURE_TIMEOUT_MILLIS = 60_000;

    private UnsentBody() {
    }

    record Answer(String head, String body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).trim()).findFirst();
        }
    }

    /** Declares {@code declaredLength} bytes, sends the first, and reads the answer up to its end. */
    static Answer post(int port, String path, Map<String, String> headers, long declaredLength) throws IOException {
        return post(port, path, headers, declaredLength, false);
    }

    /** Like {@link #post(int, String, Map, long)}, but reads only the head (a server may wait for the body after it). */
    static Answer postReadingHead(int port, String path, Map<String, String> headers, long declaredLength)
            throws IOException {
        return post(port, path, headers, declaredLength, true);
    }

    private static Answer post(int port, String path, Map<String, String> headers, long declaredLength,
            boolean headOnly) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(FAILURE_TIMEOUT_MILLIS);
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Length: ").append(declaredLength).append("\r\n\r\n").append('e');
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = head(in);
            return new Answer(head, headOnly ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            head.write(c);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
