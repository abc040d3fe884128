package dev.faultline.adapters.http.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The pages' stylesheet and their one script (the Copy button), served from this module: no external fonts, CDNs
 * or inline code, since the CSP allows only 'self'.
 */
@Path("/assets")
public class AssetsResource {
    private static final String STYLESHEET = "/dev/faultline/adapters/http/pages/faultline.css";
    private static final String SCRIPT = "/dev/faultline/adapters/http/pages/faultline.js";
    private final byte[] stylesheet = load(STYLESHEET);
    private final byte[] script = load(SCRIPT);

    @GET
    @Path("faultline.css")
    public Response stylesheet() {
        return asset(stylesheet, "text/css; charset=utf-8");
    }

    @GET
    @Path("faultline.js")
    public Response script() {
        return asset(script, "text/javascript; charset=utf-8");
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
}
