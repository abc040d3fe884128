package dev.faultline.adapters.oauth;

import dev.faultline.adapters.http.transport.RequestBody;
import dev.faultline.adapters.http.transport.FormParameters;
import dev.faultline.application.access.port.in.TokenOutcome;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * The common front of the token and revocation endpoints: the body must be {@code application/x-www-form-urlencoded}
 * (RFC 6749 §3.2), within the size limit, well-formed and without repeated parameters. Anything else is an
 * {@code invalid_request} JSON error, never a framework error page.
 */
final class FormRequest {
    /** Token and revocation requests are a handful of short parameters; a JWT is far below this. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    private FormRequest() {
    }

    sealed interface Read {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Form, R> form, Function<Refused, R> refused);

        record Form(FormParameters parameters) implements Read {
            @Override
            public <R> R fold(Function<Form, R> form, Function<Refused, R> refused) {
                return form.apply(this);
            }
        }

        record Refused(Response response) implements Read {
            @Override
            public <R> R fold(Function<Form, R> form, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }

    static Read read(String contentType, String contentLength, InputStream body, int maxBytes) throws IOException {
        if (!isForm(contentType)) {
            return refused("Content-Type must be application/x-www-form-urlencoded, was "
                    + (contentType == null ? "absent" : "\"" + FormParameters.printable(contentType) + "\""));
        }
        if (RequestBody.declaredLengthExceeds(contentLength, maxBytes)) {
            return new Read.Refused(TokenEndpointErrors.tooLarge(maxBytes));
        }
        Optional<byte[]> bytes = RequestBody.readAtMost(body, maxBytes);
        if (bytes.isEmpty()) {
            return new Read.Refused(TokenEndpointErrors.tooLarge(maxBytes));
        }
        return FormParameters.parse(bytes.get()).fold(
                parsed -> withoutRepeats(parsed.parameters()),
                malformed -> refused(malformed.description()));
    }

    private static Read withoutRepeats(FormParameters form) {
        Optional<String> duplicated = form.duplicated();
        if (duplicated.isPresent()) {
            return refused("parameter \"" + FormParameters.printable(duplicated.get())
                    + "\" was sent more than once (RFC 6749 section 3.2)");
        }
        return new Read.Form(form);
    }

    private static Read refused(String description) {
        return new Read.Refused(TokenEndpointErrors.of(TokenOutcome.Error.INVALID_REQUEST, description, false));
    }

    static boolean isForm(String contentType) {
        return hasMediaType(contentType, MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    static boolean hasMediaType(String contentType, MediaType expected) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return expected.getType().equalsIgnoreCase(type.getType())
                    && expected.getSubtype().equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
