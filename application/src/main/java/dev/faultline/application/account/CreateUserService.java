package dev.faultline.application.account;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.User;
import java.time.Clock;

/** Creates accounts; the e-mail address is unique, enforced atomically by {@link Users#add}. */
public class CreateUserService implements CreateUser {
    private final Users users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public CreateUserService(Users users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Outcome createUser(Command command) {
        // Checked first only to spare a slow hash; add() below is what guarantees uniqueness under races.
        if (users.findByEmail(command.email()).isPresent()) {
            return new Outcome.EmailTaken(command.email());
        }
        User user = User.register(command.email(), command.displayName(), hasher.hash(command.password()),
                clock.instant());
        return switch (users.add(user)) {
            case ADDED -> new Outcome.Created(user.id(), user.email());
            case EMAIL_TAKEN -> new Outcome.EmailTaken(command.email());
        };
    }
}
