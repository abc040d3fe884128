package dev.faultline.adapters.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The pages' stylesheet and their one script (the Copy button), served from this module: no external fonts, CDNs
 * or inline code, since the CSP allows only 'self'. Pages link them with {@code ?v=}{@link #VERSION}, a digest of
 * both, so a browser never runs a script cached from an older Faultline after an upgrade.
 */
@Path("/assets")
public class AssetsResource {
    private static final String STYLESHEET = "/dev/faultline/adapters/pages/faultline.css";
    private static final String SCRIPT = "/dev/faultline/adapters/pages/faultline.js";
    private static final byte[] STYLESHEET_BYTES = load(STYLESHEET);
    private static final byte[] SCRIPT_BYTES = load(SCRIPT);
    public static final String VERSION = digest(STYLESHEET_BYTES, SCRIPT_BYTES);

    @GET
    @Path("faultline.css")
    public Response stylesheet() {
        return asset(STYLESHEET_BYTES, "text/css; charset=utf-8");
    }

    @GET
    @Path("faultline.js")
    public Response script() {
        return asset(SCRIPT_BYTES, "text/javascript; charset=utf-8");
    }

    private static Response asset(byte[] content, String type) {
        return Response.ok(content, type)
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] load(String resource) {
        try (InputStream in = AssetsResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[]... contents) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] content : contents) {
                sha256.update(content);
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
