package dev.faultline.adapters.ingest.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code Content-Encoding} values Sentry SDKs send that Faultline decodes. */
public enum ContentEncoding {
    IDENTITY("identity"),
    GZIP("gzip"),
    /** zlib-wrapped deflate as the HTTP spec says; raw deflate, which some clients send instead, is read too. */
    DEFLATE("deflate"),
    BROTLI("br");

    private static final String SUPPORTED = "send gzip, deflate, br or no Content-Encoding";

    private final String token;

    ContentEncoding(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /**
     * Reads a {@code Content-Encoding} header; absent or blank means identity. Refused (415) are {@code zstd}
     * (no pure-Java decoder chosen yet), unknown codings and stacked codings such as {@code gzip, br}, which no
     * SDK sends.
     */
    public static ContentEncoding parse(String header) throws IngestRefused {
        if (header == null) {
            return IDENTITY;
        }
        List<String> codings = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            String coding = part.strip().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                codings.add(coding);
            }
        }
        if (codings.isEmpty()) {
            return IDENTITY;
        }
        if (codings.size() > 1) {
            throw unsupported("stacked Content-Encoding \"" + header + "\" is not supported: " + SUPPORTED);
        }
        return switch (codings.get(0)) {
            case "gzip", "x-gzip" -> GZIP;
            case "deflate" -> DEFLATE;
            case "br" -> BROTLI;
            case "zstd" -> throw unsupported("Content-Encoding zstd is not supported: " + SUPPORTED);
            default -> throw unsupported("unknown Content-Encoding \"" + codings.get(0) + "\": " + SUPPORTED);
        };
    }

    private static IngestRefused unsupported(String reason) {
        return new IngestRefused(new Refusal.UnsupportedEncoding(reason));
    }
}
