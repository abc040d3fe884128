package dev.faultline.application.tracker;

import dev.faultline.application.tracker.port.in.ListApplications;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Membership;
import dev.faultline.domain.tracker.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lists the actor's applications (memberships only), ordered by name. */
public class ListApplicationsService implements ListApplications {
    private final Applications applications;
    private final Memberships memberships;

    public ListApplicationsService(Applications applications, Memberships memberships) {
        this.applications = applications;
        this.memberships = memberships;
    }

    @Override
    public Outcome listApplications(Command command) {
        if (!command.actor().may(REQUIRES)) {
            return new Outcome.NotPermitted(REQUIRES);
        }
        Map<ApplicationId, Role> roles = memberships.listByUser(command.actor().user()).stream()
                .collect(Collectors.toMap(Membership::applicationId, Membership::role));
        if (roles.isEmpty()) {
            return new Outcome.Listed(List.of());
        }
        return new Outcome.Listed(applications.findAll(roles.keySet()).stream()
                .map(application -> new Entry(application, roles.get(application.id())))
                .toList());
    }
}
