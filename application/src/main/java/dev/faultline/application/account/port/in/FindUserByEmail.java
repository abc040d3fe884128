package dev.faultline.application.account.port.in;

import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.UserId;
import java.util.Optional;

/** Looks a person up by e-mail address, for the operator's command line. Never exposes the password hash. */
public interface FindUserByEmail {
    Optional<Found> findUserByEmail(EmailAddress email);

    /** Who the address belongs to. */
    record Found(UserId id, EmailAddress email, DisplayName displayName) {
    }
}
