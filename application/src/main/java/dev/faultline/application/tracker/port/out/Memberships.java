package dev.faultline.application.tracker.port.out;

import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.Membership;
import java.util.List;
import java.util.Optional;

/** Who may see which application. */
public interface Memberships {
    /** Stores a membership unless the user is already a member of the application; atomic. */
    Insertion add(Membership membership);

    Optional<Membership> find(ApplicationId applicationId, UserId userId);

    /** Every membership of the user, in no particular order. */
    List<Membership> listByUser(UserId userId);

    /** Every member of the application, ordered by joined-at then user id. */
    List<Membership> listByApplication(ApplicationId applicationId);

    enum Insertion {
        ADDED,
        ALREADY_MEMBER
    }
}
