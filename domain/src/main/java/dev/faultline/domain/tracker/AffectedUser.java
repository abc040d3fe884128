package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Who ran into the crash, as the reporting SDK described them (the application's end user, not a Faultline
 * user). Every part is optional; at least one is present. Untrusted text from the crash report.
 */
public record AffectedUser(Optional<String> id, Optional<String> email, Optional<String> ipAddress) {
    public static final int MAX_LENGTH = 200;

    public AffectedUser {
        id = clean(id, "user.id");
        email = clean(email, "user.email");
        ipAddress = clean(ipAddress, "user.ip_address");
        InvalidValue.require(id.isPresent() || email.isPresent() || ipAddress.isPresent(), "user",
                "a user context needs an id, an e-mail or an IP address");
    }

    private static Optional<String> clean(Optional<String> value, String field) {
        Objects.requireNonNull(value, field);
        return value.filter(v -> !v.isBlank()).map(v -> Text.line(v, field, MAX_LENGTH));
    }
}
