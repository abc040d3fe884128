package dev.faultline.domain.tracker;

import dev.faultline.domain.account.UserId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who acts on the tracker, and what they may do. The person decides what can be seen (their memberships); the
 * permissions narrow what this particular call may do, e.g. a token granted only {@code mcp:read}.
 */
public record Actor(UserId user, Set<Permission> permissions) {
    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(permissions, "permissions");
        permissions = Collections.unmodifiableSet(permissions.isEmpty()
                ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    /**
     * A person acting in their own name, not through a token: signed in to the pages, or named by the operator on
     * the command line. They may do everything a member may.
     */
    public static Actor person(UserId user) {
        return new Actor(user, EnumSet.allOf(Permission.class));
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }
}
