package dev.faultline.domain.access;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
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
     * Parses a space-delimited scope string (RFC 6749 §3.3: scope tokens are printable ASCII without '"' and '\\',
     * separated by spaces). Absent, empty or only spaces means "nothing requested" and yields {@code fallback}.
     * Any other character, a control character above all, is refused, never trimmed away: a request that
     * arrived with one is not the request its client meant. An unknown scope is refused with its name.
     */
    public static Scopes parse(String text, Scopes fallback) {
        if (text == null || text.chars().allMatch(c -> c == ' ')) {
            return fallback;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            InvalidValue.require(c == ' ' || c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E,
                    "scope", "scope may contain only scope names separated by spaces; it contains "
                            + String.format(java.util.Locale.ROOT, "U+%04X", (int) c) + " at position " + i
                            + "; supported: " + supported());
        }
        EnumSet<Scope> parsed = EnumSet.noneOf(Scope.class);
        for (String name : text.strip().split(" +")) {
            parsed.add(Scope.fromWireName(name).orElseThrow(() ->
                    new InvalidValue("scope", "unknown scope \"" + name + "\"; supported: " + supported())));
        }
        return new Scopes(parsed);
    }

    public static String supported() {
        return java.util.Arrays.stream(Scope.values()).map(Scope::wireName).collect(Collectors.joining(" "));
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
