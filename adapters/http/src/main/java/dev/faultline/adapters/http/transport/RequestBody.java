package dev.faultline.adapters.http.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body up to a size limit, so an oversized request is refused without buffering it whole. */
public final class RequestBody {
    private RequestBody() {
    }

    /** The body's bytes, or empty when it is longer than {@code maxBytes}. */
    public static Optional<byte[]> readAtMost(InputStream in, int maxBytes) throws IOException {
        if (in == null) {
            return Optional.of(new byte[0]);
        }
        byte[] bytes = in.readNBytes(maxBytes + 1);
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
    }

    /** A declared Content-Length above the limit lets us refuse before reading anything. */
    public static boolean declaredLengthExceeds(String contentLength, int maxBytes) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
