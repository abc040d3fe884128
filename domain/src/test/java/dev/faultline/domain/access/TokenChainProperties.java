package dev.faultline.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The token-chain state machine under arbitrary sequences of rotations, replays, waits and revocations. */
class TokenChainProperties {
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration LIFETIME = Duration.ofDays(30);

    /** One step a client (or thief, or user) may take. */
    sealed interface Step {
        record RotateCurrent() implements Step {
        }

        /** Present the n-th token ever issued (modulo how many exist). */
        record PresentIssued(int index) implements Step {
        }

        record Wait(int seconds) implements Step {
        }

        record Revoke() implements Step {
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.just(new Step.RotateCurrent()),
                Arbitraries.integers().between(0, 50).map(Step.PresentIssued::new),
                Arbitraries.integers().between(0, 30).map(Step.Wait::new),
                Arbitraries.just(new Step.Revoke()).withoutEdgeCases());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, step.filter(s -> !(s instanceof Step.Revoke))),
                net.jqwik.api.Tuple.of(1, step)).list().ofMaxSize(40);
    }

    /** Runs the steps; tracks every token issued so the probes can present each of them. */
    static final class Run {
        final RotationPolicy policy;
        final List<TokenHash> issued = new ArrayList<>();
        TokenChain chain;
        Instant now = START;
        boolean everRevoked;
        int counter;

        Run(RotationPolicy policy) {
            this.policy = policy;
            chain = TokenChain.start(ChainId.random(), new ClientId("c"), UserId.random(), Scopes.READ_WRITE, new ProtectedResource("https://faultline.example/mcp"),
                    fresh(), now, policy);
        }

        TokenHash fresh() {
            TokenHash hash = TokenHash.of("flt_rt_" + counter++);
            issued.add(hash);
            return hash;
        }

        void apply(Step step) {
            if (step instanceof Step.RotateCurrent) {
                present(chain.generation() - 1);
            } else if (step instanceof Step.PresentIssued p) {
                present(p.index() % issued.size());
            } else if (step instanceof Step.Wait w) {
                now = now.plusSeconds(w.seconds());
            } else {
                chain = chain.revoke(RevocationReason.USER_REVOKED, now);
            }
            if (everRevoked) {
                assertThat(chain.isRevoked()).as("revoked is terminal").isTrue();
            }
            everRevoked |= chain.isRevoked();
        }

        /** The store's record of the {@code index}-th token issued: generation {@code index + 1}. */
        IssuedRefresh issuedAt(int index) {
            return new IssuedRefresh(chain.id(), issued.get(index), index + 1);
        }

        void present(int index) {
            TokenHash next = TokenHash.of("flt_rt_" + counter);
            RefreshOutcome outcome = chain.refresh(issuedAt(index), next, Optional.empty(), now, policy);
            if (outcome instanceof RefreshOutcome.Rotated rotated) {
                assertThat(everRevoked).as("a revoked chain never rotates").isFalse();
                counter++;
                issued.add(next);
                chain = rotated.chain();
            } else if (outcome instanceof RefreshOutcome.ReuseDetected reuse) {
                chain = reuse.chain();
            }
        }

        /** Tokens that would rotate right now (probed on the immutable chain, which stays unchanged). */
        List<TokenHash> live() {
            TokenHash probe = TokenHash.of("probe");
            List<TokenHash> live = new ArrayList<>();
            for (int i = 0; i < issued.size(); i++) {
                if (chain.refresh(issuedAt(i), probe, Optional.empty(), now, policy) instanceof RefreshOutcome.Rotated) {
                    live.add(issued.get(i));
                }
            }
            return live;
        }
    }

    @Property
    void strict_rotation_never_leaves_two_live_refresh_tokens(@ForAll("steps") List<Step> steps) {
        Run run = new Run(RotationPolicy.strict(LIFETIME));
        for (Step step : steps) {
            run.apply(step);
            List<TokenHash> live = run.live();
            assertThat(live).hasSizeLessThanOrEqualTo(1);
            if (run.chain.isActiveAt(run.now)) {
                assertThat(live).containsExactly(run.chain.currentRefresh());
            }
        }
    }

    @Property
    void with_grace_only_the_current_and_the_immediately_previous_token_are_live(
            @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 20) int graceSeconds) {
        Run run = new Run(new RotationPolicy(LIFETIME, Duration.ofSeconds(graceSeconds)));
        for (Step step : steps) {
            run.apply(step);
            List<TokenHash> allowed = new ArrayList<>(List.of(run.chain.currentRefresh()));
            if (run.now.isBefore(run.chain.currentIssuedAt().plusSeconds(graceSeconds))) {
                run.chain.immediatePredecessor().ifPresent(allowed::add);
            }
            assertThat(allowed).containsAll(run.live());
        }
    }

    @Property
    void replaying_any_earlier_token_outside_grace_always_ends_revoked(
            @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 1000) int pick,
            @ForAll @IntRange(min = 0, max = 20) int graceSeconds) {
        Run run = new Run(new RotationPolicy(LIFETIME, Duration.ofSeconds(graceSeconds)));
        steps.forEach(run::apply);
        run.apply(new Step.RotateCurrent());
        int earlier = run.chain.generation() - 1;
        if (earlier == 0) {
            assertThat(run.chain.isRevoked()).isTrue(); // the rotation could only fail on a revoked chain
            return;
        }
        run.now = run.now.plusSeconds(graceSeconds);
        run.present(pick % earlier);
        assertThat(run.chain.isRevoked()).isTrue();
        assertThat(run.live()).isEmpty();
    }

    @Property
    void within_the_grace_the_immediate_predecessor_changes_nothing_and_the_current_token_stays_live(
            @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 20) int graceSeconds,
            @ForAll @IntRange(min = 0, max = 19) int afterSeconds) {
        Run run = new Run(new RotationPolicy(LIFETIME, Duration.ofSeconds(graceSeconds)));
        steps.forEach(run::apply);
        run.apply(new Step.RotateCurrent());
        if (!run.chain.isActiveAt(run.now) || run.chain.generation() == 1) {
            return; // revoked or expired before: nothing rotated
        }
        TokenChain before = run.chain;
        run.now = run.now.plusSeconds(afterSeconds % graceSeconds);
        run.present(before.generation() - 2);
        assertThat(run.chain).as("the loser of a race changes nothing").isEqualTo(before);
        assertThat(run.live()).containsExactly(before.currentRefresh());
    }

    @Property
    void revoked_is_terminal(@ForAll("steps") List<Step> before, @ForAll("steps") List<Step> after) {
        Run run = new Run(RotationPolicy.strict(LIFETIME));
        before.forEach(run::apply);
        run.apply(new Step.Revoke());
        Revocation first = run.chain.revocation().orElseThrow();
        for (Step step : after) {
            run.apply(step);
            assertThat(run.chain.revocation()).contains(first);
            assertThat(run.live()).isEmpty();
        }
    }
}
