package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Permission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A non-empty set of scopes, written on the wire as a space-delimited list (RFC 6749 §3.3). */
public record Scopes(Set<Scope> values) {
    public static final Scopes READ_ONLY = new Scopes(EnumSet.of(Scope.READ));
    public static final Scopes READ_WRITE = new Scopes(EnumSet.of(Scope.READ, Scope.WRITE));

    public Scopes {
        InvalidValue.require(values != null && !values.isEmpty(), "scope", "at least one scope is required");
        values = Collections.unmodifiableSet(EnumSet.copyOf(values));
    }

    /**
     * Scope names clients send that Faultline recognises but never grants: {@code offline_access} (a refresh
     * token comes with every grant anyway; MCP 2026-07-28 clients add it when they like) and {@code openid}
     * (Faultline issues no ID tokens). In an authorization or token request they are accepted and ignored.
     */
    public static final Set<String> IGNORED_REQUEST_SCOPES = Set.of("offline_access", "openid");
    /** Compiled once: every bearer check parses the token's scope, and {@code split(" +")} compiles per call. */
    private static final Pattern SPACES = Pattern.compile(" +");

    /**
     * Parses a space-delimited scope string (RFC 6749 §3.3: scope tokens are printable ASCII without '"' and '\\',
     * separated by spaces). Absent, empty or only spaces means "nothing requested" and yields {@code fallback}.
     * Any other character, a control character above all, is refused, never trimmed away: a request that
     * arrived with one is not the request its client meant. An unknown scope is refused with its name.
     */
    public static Scopes parse(String text, Scopes fallback) {
        List<String> names = names(text);
        if (names.isEmpty()) {
            return fallback;
        }
        EnumSet<Scope> parsed = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            parsed.add(Scope.fromWireName(name).orElseThrow(() -> unknown(name)));
        }
        return new Scopes(parsed);
    }

    /**
     * The scope of an authorization or refresh request: as {@link #parse}, except that the
     * {@linkplain #IGNORED_REQUEST_SCOPES ignored names} are skipped. Empty when nothing Faultline grants was
     * asked for (the caller's default applies); any other unknown scope is refused with its name.
     */
    public static Optional<Scopes> parseRequested(String text) {
        EnumSet<Scope> parsed = EnumSet.noneOf(Scope.class);
        for (String name : names(text)) {
            if (!IGNORED_REQUEST_SCOPES.contains(name)) {
                parsed.add(Scope.fromWireName(name).orElseThrow(() -> unknown(name)));
            }
        }
        return parsed.isEmpty() ? Optional.empty() : Optional.of(new Scopes(parsed));
    }

    /**
     * The scope of a client registration: the known scopes in {@code text}, every other name dropped (RFC 7591
     * §2 lets the server replace requested values; the registration response says what was kept). Empty when
     * none is known. The characters are checked as in {@link #parse}: a control character is still refused.
     */
    public static Optional<Scopes> parseKnown(String text) {
        EnumSet<Scope> parsed = EnumSet.noneOf(Scope.class);
        for (String name : names(text)) {
            Scope.fromWireName(name).ifPresent(parsed::add);
        }
        return parsed.isEmpty() ? Optional.empty() : Optional.of(new Scopes(parsed));
    }

    /** The scope names of {@code text}; refuses any character a scope string may not hold. */
    private static List<String> names(String text) {
        if (text == null || onlySpaces(text)) {
            return List.of();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ' ' || c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E)) {
                throw new InvalidValue("scope", "scope may contain only scope names separated by spaces; it contains "
                        + String.format(java.util.Locale.ROOT, "U+%04X", (int) c) + " at position " + i
                        + "; supported: " + supported());
            }
        }
        return List.of(SPACES.split(text.strip()));
    }

    private static boolean onlySpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static InvalidValue unknown(String name) {
        return new InvalidValue("scope", "unknown scope \"" + name + "\"; supported: " + supported());
    }

    public static String supported() {
        return java.util.Arrays.stream(Scope.values()).map(Scope::wireName).collect(Collectors.joining(" "));
    }

    /** What a token with these scopes may do in the tracker (see {@link Scope#permission()}). */
    public Set<Permission> permissions() {
        return Collections.unmodifiableSet(values.stream().map(Scope::permission)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class))));
    }

    public boolean includes(Scope scope) {
        return values.contains(scope);
    }

    public boolean containsAll(Scopes other) {
        return values.containsAll(other.values);
    }

    /** The scopes in both sets; empty when they share none (a {@code Scopes} is never empty). */
    public java.util.Optional<Scopes> intersection(Scopes other) {
        EnumSet<Scope> both = EnumSet.copyOf(values);
        both.retainAll(other.values);
        return both.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Scopes(both));
    }

    /** The space-delimited wire form, in a stable order. */
    public String asString() {
        return values.stream().map(Scope::wireName).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return asString();
    }
}
