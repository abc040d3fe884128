package dev.faultline.domain.access;

import dev.faultline.domain.tracker.Permission;
import java.util.Arrays;
import java.util.Optional;

/** What a token may do on the MCP resource. Scopes are additive: write never implies read is absent. */
public enum Scope {
    READ("mcp:read", "Read your applications, issues, events and notes", Permission.READ),
    WRITE("mcp:write", "Resolve, reopen, mute and assign issues, and add or delete your notes", Permission.WRITE);

    /** {@code values()} clones its array on every call; the bearer check looks scopes up on every request. */
    private static final Scope[] ALL = values();

    private final String wireName;
    private final String plainWords;
    private final Permission permission;

    Scope(String wireName, String plainWords, Permission permission) {
        this.wireName = wireName;
        this.plainWords = plainWords;
        this.permission = permission;
    }

    /** What a token with this scope may do in the tracker: the one mapping from scopes to permissions. */
    public Permission permission() {
        return permission;
    }

    /** The name used in OAuth requests and tokens, e.g. {@code mcp:read}. */
    public String wireName() {
        return wireName;
    }

    /** What the scope allows, in words a person reads on the consent page. */
    public String plainWords() {
        return plainWords;
    }

    /** The scope a token needs for {@code permission}: the same mapping as {@link #permission()}, read backwards. */
    public static Scope granting(Permission permission) {
        return Arrays.stream(values()).filter(s -> s.permission == permission).findFirst()
                .orElseThrow(() -> new IllegalStateException("no scope grants " + permission));
    }

    public static Optional<Scope> fromWireName(String name) {
        for (Scope scope : ALL) {
            if (scope.wireName.equals(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
