package dev.faultline.domain.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the consent page lets the person choose, given the scopes a client asked for: one choice per requested
 * scope, plus {@code mcp:write} when only {@code mcp:read} was asked for (RFC 6749 §3.3 lets the server grant
 * more or less than requested; the token response then says what was granted). Changing things is never ticked
 * by default when reading was asked for too, so a person who just presses Approve grants read access only.
 * The person's ticks are checked against this offer, never against what a form claims was offered.
 */
public record ScopeOffer(Scopes requested) {
    public ScopeOffer {
        Objects.requireNonNull(requested, "requested");
    }

    /** One checkbox: the scope, whether the client asked for it, and whether it starts ticked. */
    public record Choice(Scope scope, boolean requested, boolean tickedByDefault) {
        public Choice {
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** What the person's ticks amount to. */
    public sealed interface Approval {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(
                Function<Granted, R> granted, Function<NothingTicked, R> nothingTicked,
                Function<NotOffered, R> notOffered);

        /** The scopes to grant: every ticked one, each of them offered. */
        record Granted(Scopes scopes) implements Approval {
            @Override
            public <R> R fold(
                    Function<Granted, R> granted, Function<NothingTicked, R> nothingTicked,
                    Function<NotOffered, R> notOffered) {
                return granted.apply(this);
            }
        }

        /** Approve was pressed with nothing ticked: there is nothing to grant. */
        record NothingTicked() implements Approval {
            @Override
            public <R> R fold(
                    Function<Granted, R> granted, Function<NothingTicked, R> nothingTicked,
                    Function<NotOffered, R> notOffered) {
                return nothingTicked.apply(this);
            }
        }

        /** A tick for something not offered (the form was edited): nothing is granted. */
        record NotOffered(String name) implements Approval {
            @Override
            public <R> R fold(
                    Function<Granted, R> granted, Function<NothingTicked, R> nothingTicked,
                    Function<NotOffered, R> notOffered) {
                return notOffered.apply(this);
            }
        }
    }

    /** The choices in a stable order (read before write). */
    public List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        for (Scope scope : offered()) {
            boolean asked = requested.includes(scope);
            choices.add(new Choice(scope, asked, asked && !writeBesideRead(scope)));
        }
        return List.copyOf(choices);
    }

    /** Rule: the scopes the person may grant — those requested, and changes whenever reading is requested. */
    public EnumSet<Scope> offered() {
        EnumSet<Scope> offered = EnumSet.copyOf(requested.values());
        if (requested.includes(Scope.READ)) {
            offered.add(Scope.WRITE);
        }
        return offered;
    }

    /** The ticks as the wire names of scopes; anything not offered refuses the whole approval. */
    public Approval approve(Collection<String> tickedWireNames) {
        EnumSet<Scope> granted = EnumSet.noneOf(Scope.class);
        for (String name : tickedWireNames) {
            java.util.Optional<Scope> scope = Scope.fromWireName(name);
            if (scope.isEmpty() || !offered().contains(scope.get())) {
                return new Approval.NotOffered(name);
            }
            granted.add(scope.get());
        }
        return granted.isEmpty() ? new Approval.NothingTicked() : new Approval.Granted(new Scopes(granted));
    }

    private boolean writeBesideRead(Scope scope) {
        return scope == Scope.WRITE && requested.includes(Scope.READ);
    }
}
