package dev.faultline.application.account.port.out;

import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The people who sign in. */
public interface Users {
    /** Stores a new user unless its e-mail address (or id) is taken; atomic. */
    Insertion add(User user);

    Optional<User> findById(UserId id);

    /** The users among {@code ids} that exist, by id, in one look-up; unknown ids are absent from the map. */
    Map<UserId, User> findAll(Collection<UserId> ids);

    Optional<User> findByEmail(EmailAddress email);

    /** Replaces the password hash (after a rehash with stronger parameters). Unknown ids are ignored. */
    void updatePasswordHash(UserId id, PasswordHash hash);

    enum Insertion {
        ADDED,
        EMAIL_TAKEN
    }
}
