package dev.faultline.application.account;

import dev.faultline.application.account.port.in.FindUserByEmail;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.EmailAddress;
import java.util.Optional;

/** Looks a user up by (normalised) e-mail address. */
public class FindUserByEmailService implements FindUserByEmail {
    private final Users users;

    public FindUserByEmailService(Users users) {
        this.users = users;
    }

    @Override
    public Optional<Found> findUserByEmail(EmailAddress email) {
        return users.findByEmail(email).map(user -> new Found(user.id(), user.email(), user.displayName()));
    }
}
