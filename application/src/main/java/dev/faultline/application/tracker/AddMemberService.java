package dev.faultline.application.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.tracker.port.in.AddMember;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.User;
import dev.faultline.domain.tracker.Membership;
import java.time.Clock;
import java.util.Optional;

/** Adds a member by e-mail address; only an owner of the application may. */
public class AddMemberService implements AddMember {
    private final Memberships memberships;
    private final Users users;
    private final Clock clock;

    public AddMemberService(Memberships memberships, Users users, Clock clock) {
        this.memberships = memberships;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Outcome addMember(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        Optional<Membership> own = memberships.find(command.applicationId(), command.actor().user());
        if (own.isEmpty()) {
            return new Outcome.ApplicationNotFound(command.applicationId());
        }
        if (!own.get().role().mayAddMembers()) {
            return new Outcome.NotAnOwner(command.applicationId());
        }
        Optional<User> user = users.findByEmail(command.memberEmail());
        if (user.isEmpty()) {
            return new Outcome.UserNotFound(command.memberEmail());
        }
        Membership membership = new Membership(command.applicationId(), user.get().id(), command.role(),
                clock.instant());
        return switch (memberships.add(membership)) {
            case ADDED -> new Outcome.Added(membership);
            case ALREADY_MEMBER -> new Outcome.AlreadyMember(user.get().id());
        };
    }
}
