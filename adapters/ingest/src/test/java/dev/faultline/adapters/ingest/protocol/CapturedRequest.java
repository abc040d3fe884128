package dev.faultline.adapters.ingest.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A request from the captures folder: request line, headers and body, de-chunked when it was sent chunked. */
record CapturedRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    static byte[] resource(String name) {
        try (InputStream in = CapturedRequest.class.getResourceAsStream("captures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CapturedRequest load(String name) {
        byte[] bytes = resource(name);
        int headEnd = indexOf(bytes, "\n\n".getBytes(StandardCharsets.US_ASCII));
        boolean headersOnly = headEnd < 0; // the capture records the headers, the body is in another file
        if (headersOnly) {
            headEnd = bytes.length;
        }
        String head = new String(bytes, 0, headEnd, StandardCharsets.UTF_8).strip();
        byte[] rest = headersOnly ? new byte[0] : Arrays.copyOfRange(bytes, headEnd + 2, bytes.length);
        String[] lines = head.split("\n");
        String[] requestLine = lines[0].split(" ");
        String target = requestLine[1];
        int question = target.indexOf('?');
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
        }
        boolean chunked = "chunked".equals(headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT));
        return new CapturedRequest(requestLine[0], question < 0 ? target : target.substring(0, question),
                question < 0 ? null : target.substring(question + 1), headers, chunked ? dechunk(rest) : rest);
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The project id segment of {@code /api/{id}/envelope/}. */
    String projectSegment() {
        return path.split("/")[2];
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\n'}) + at;
            if (lineEnd < at) {
                throw new IllegalArgumentException("a chunk-size line without its end");
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 1, size);
            at = lineEnd + 1 + size + 1; // the chunk's own line end
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
