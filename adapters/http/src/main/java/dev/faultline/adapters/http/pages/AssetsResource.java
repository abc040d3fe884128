package dev.faultline.adapters.http.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The pages' one stylesheet, served from this module (no external fonts or CDNs: the CSP allows only 'self'). */
@Path("/assets")
public class AssetsResource {
    private static final String STYLESHEET = "/dev/faultline/adapters/http/pages/faultline.css";
    private final byte[] stylesheet = load(STYLESHEET);

    @GET
    @Path("faultline.css")
    public Response stylesheet() {
        return Response.ok(stylesheet, "text/css; charset=utf-8")
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
