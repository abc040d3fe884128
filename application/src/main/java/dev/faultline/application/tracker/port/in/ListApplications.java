package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Role;
import java.util.List;
import java.util.Objects;

/** The applications the actor is a member of, by name, with the actor's role in each. */
public interface ListApplications {
    List<Entry> listApplications(Command command);

    record Command(UserId actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    record Entry(Application application, Role role) {
    }
}
