package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The consent page's choices, and what the person's ticks grant. */
class ScopeOfferTest {
    private static final ScopeOffer READ_AND_WRITE = new ScopeOffer(Scopes.READ_WRITE);
    private static final ScopeOffer READ_ONLY = new ScopeOffer(Scopes.READ_ONLY);
    private static final ScopeOffer WRITE_ONLY = new ScopeOffer(new Scopes(EnumSet.of(Scope.WRITE)));

    @Test
    void read_and_write_requested_offers_both_with_write_unticked() {
        assertThat(READ_AND_WRITE.choices()).containsExactly(
                new ScopeOffer.Choice(Scope.READ, true, true),
                new ScopeOffer.Choice(Scope.WRITE, true, false));
    }

    @Test
    void read_requested_also_offers_write_unticked_as_not_requested() {
        assertThat(READ_ONLY.choices()).containsExactly(
                new ScopeOffer.Choice(Scope.READ, true, true),
                new ScopeOffer.Choice(Scope.WRITE, false, false));
    }

    @Test
    void write_alone_requested_offers_write_ticked_and_nothing_else() {
        assertThat(WRITE_ONLY.choices()).containsExactly(new ScopeOffer.Choice(Scope.WRITE, true, true));
    }

    @Test
    void ticking_read_of_a_read_and_write_request_grants_read_only() {
        assertThat(READ_AND_WRITE.approve(List.of("mcp:read")))
                .isEqualTo(new ScopeOffer.Approval.Granted(Scopes.READ_ONLY));
    }

    @Test
    void ticking_the_offered_write_of_a_read_request_grants_more_than_requested() {
        assertThat(READ_ONLY.approve(List.of("mcp:read", "mcp:write")))
                .isEqualTo(new ScopeOffer.Approval.Granted(Scopes.READ_WRITE));
    }

    @Test
    void nothing_ticked_grants_nothing() {
        assertThat(READ_AND_WRITE.approve(List.of())).isEqualTo(new ScopeOffer.Approval.NothingTicked());
    }

    @Test
    void a_tick_for_what_was_not_offered_refuses_the_whole_approval_and_names_it() {
        assertThat(WRITE_ONLY.approve(List.of("mcp:write", "mcp:read")))
                .isEqualTo(new ScopeOffer.Approval.NotOffered("mcp:read"));
        assertThat(READ_ONLY.approve(List.of("mcp:read", "mcp:admin")))
                .isEqualTo(new ScopeOffer.Approval.NotOffered("mcp:admin"));
    }

    @Property
    void whatever_is_ticked_the_grant_is_within_the_offer(@ForAll Set<Scope> requested, @ForAll Set<Scope> ticked) {
        if (requested.isEmpty()) {
            return;
        }
        ScopeOffer offer = new ScopeOffer(new Scopes(requested));
        ScopeOffer.Approval approval = offer.approve(ticked.stream().map(Scope::wireName).toList());
        if (approval instanceof ScopeOffer.Approval.Granted granted) {
            assertThat(offer.offered()).containsAll(granted.scopes().values());
            assertThat(granted.scopes().values()).isEqualTo(ticked);
        } else {
            assertThat(ticked.isEmpty() || !offer.offered().containsAll(ticked)).isTrue();
        }
    }
}
