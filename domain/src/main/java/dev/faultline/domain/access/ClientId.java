package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** Public identifier of an OAuth client, issued at registration. Not a secret. */
public record ClientId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public ClientId {
        InvalidValue.require(value != null && SHAPE.matcher(value).matches(), "client_id",
                "client_id must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
