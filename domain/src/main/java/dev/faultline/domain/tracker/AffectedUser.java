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

    /** How a stored user context comes back: taken as stored (blank parts count as absent). */
    public AffectedUser {
        id = Objects.requireNonNull(id, "user.id").filter(v -> !v.isBlank());
        email = Objects.requireNonNull(email, "user.email").filter(v -> !v.isBlank());
        ipAddress = Objects.requireNonNull(ipAddress, "user.ip_address").filter(v -> !v.isBlank());
    }

    /** This user context under today's rules (at least one part, each a line within limits), for new events. */
    public AffectedUser checked() {
        AffectedUser checked = new AffectedUser(clean(id, "user.id"), clean(email, "user.email"),
                clean(ipAddress, "user.ip_address"));
        InvalidValue.require(checked.id.isPresent() || checked.email.isPresent() || checked.ipAddress.isPresent(),
                "user", "a user context needs an id, an e-mail or an IP address");
        return checked;
    }

    private static Optional<String> clean(Optional<String> value, String field) {
        return value.map(v -> Text.line(v, field, MAX_LENGTH));
    }
}
