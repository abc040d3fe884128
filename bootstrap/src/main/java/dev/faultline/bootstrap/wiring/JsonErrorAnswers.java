package dev.faultline.bootstrap.wiring;

import dev.faultline.adapters.http.transport.ProtectiveHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself, before any endpoint sees the request (an undecodable or ambiguous path, a URI or header
 * section too long, a malformed request line): instead of Jetty's HTML error page in ISO-8859-1, which no JSON
 * client can read and which lacked every security header, a short JSON error in the shape every Faultline endpoint
 * uses, with the headers of a page. It never echoes the request, since the request is what was wrong.
 */
public final class JsonErrorAnswers extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        securityHeaders(headers);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        securityHeaders(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private static void securityHeaders(HttpFields.Mutable headers) {
        headers.put(new HttpField(ProtectiveHeaders.CONTENT_SECURITY_POLICY, ProtectiveHeaders.NO_PAGE_POLICY));
        ProtectiveHeaders.BESIDES_POLICY.forEach((name, value) -> headers.put(new HttpField(name, value)));
    }

    private static byte[] body(int status) {
        return ("{\"error\":\"invalid_request\",\"error_description\":\"" + description(status) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String description(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its path, request line or headers cannot be read)";
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            case 501 -> "the request method is not implemented";
            default -> "the request cannot be served (HTTP " + status + ")";
        };
    }
}
