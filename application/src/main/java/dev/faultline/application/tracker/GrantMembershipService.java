package dev.faultline.application.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.tracker.port.in.GrantMembership;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.User;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.Membership;
import java.time.Clock;
import java.util.Optional;

/** Grants a membership by application slug and e-mail address, checking both exist first. */
public class GrantMembershipService implements GrantMembership {
    private final Applications applications;
    private final Memberships memberships;
    private final Users users;
    private final Clock clock;

    public GrantMembershipService(Applications applications, Memberships memberships, Users users, Clock clock) {
        this.applications = applications;
        this.memberships = memberships;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Outcome grantMembership(Command command) {
        Optional<Application> application = applications.findBySlug(command.application());
        if (application.isEmpty()) {
            return new Outcome.ApplicationNotFound(command.application());
        }
        Optional<User> user = users.findByEmail(command.email());
        if (user.isEmpty()) {
            return new Outcome.UserNotFound(command.email());
        }
        Membership membership = new Membership(application.get().id(), user.get().id(), command.role(), clock.instant());
        return switch (memberships.add(membership)) {
            case ADDED -> new Outcome.Granted(application.get(), membership);
            case ALREADY_MEMBER -> new Outcome.AlreadyMember(application.get(), command.email());
        };
    }
}
