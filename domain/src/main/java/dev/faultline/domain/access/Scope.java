package dev.faultline.domain.access;

import java.util.Arrays;
import java.util.Optional;

/** What a token may do on the MCP resource. Scopes are additive: write never implies read is absent. */
public enum Scope {
    READ("mcp:read", "Read your applications, issues, events and notes"),
    WRITE("mcp:write", "Resolve, reopen, mute and assign issues, and add or delete your notes");

    private final String wireName;
    private final String plainWords;

    Scope(String wireName, String plainWords) {
        this.wireName = wireName;
        this.plainWords = plainWords;
    }

    /** The name used in OAuth requests and tokens, e.g. {@code mcp:read}. */
    public String wireName() {
        return wireName;
    }

    /** What the scope allows, in words a person reads on the consent page. */
    public String plainWords() {
        return plainWords;
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
