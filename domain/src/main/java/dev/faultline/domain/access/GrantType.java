package dev.faultline.domain.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry of OAuth grant types Faultline supports: the token endpoint dispatches on it, the authorization
 * server metadata advertises it ({@code grant_types_supported}), and dynamic client registration accepts only
 * these. A new grant type is added here, and the compiler then points at the token endpoint's dispatch. The
 * database keeps its own copy in the check constraint on {@code clients.grant_types} (migration
 * {@code V2__access.sql}, PostgreSQL name {@code clients_grant_types_check}); a released migration is never edited,
 * so a new grant type also needs a migration that replaces that constraint.
 */
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    REFRESH_TOKEN("refresh_token");

    private final String wireName;

    GrantType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Every supported grant type's wire name, in registry order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(GrantType::wireName).toList();
    }

    public static Optional<GrantType> fromWireName(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(name)).findFirst();
    }
}
