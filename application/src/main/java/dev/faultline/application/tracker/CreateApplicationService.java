package dev.faultline.application.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import java.time.Clock;
import java.time.Instant;

/** Creates an application and makes its creator the owner, in one unit of work. */
public class CreateApplicationService implements CreateApplication {
    private final Applications applications;
    private final Memberships memberships;
    private final Users users;
    private final Transactions transactions;
    private final Clock clock;

    public CreateApplicationService(Applications applications, Memberships memberships, Users users,
            Transactions transactions, Clock clock) {
        this.applications = applications;
        this.memberships = memberships;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome createApplication(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        if (users.findById(command.actor().user()).isEmpty()) {
            return new Outcome.UnknownActor(command.actor().user());
        }
        Instant now = clock.instant();
        Application application = Application.create(command.name(), command.slug(), command.platform(), now);
        return transactions.inTransaction(() -> {
            if (applications.add(application) == Applications.Insertion.SLUG_TAKEN) {
                return new Outcome.SlugTaken(command.slug());
            }
            memberships.add(new Membership(application.id(), command.actor().user(), Role.OWNER, now));
            return new Outcome.Created(application);
        });
    }
}
