package dev.faultline.bootstrap.faults;

import dev.faultline.domain.access.TokenHash;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/** What the database holds about token chains, read directly, for the fault tests' consistency checks. */
final class ChainRows {
    private ChainRows() {
    }

    /**
     * Chains that do not add up after a fault: revoked (a client had to reuse a token), or whose current refresh
     * token is not exactly the last one they issued (its generation, one issued token per generation).
     */
    static int halfWritten(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM token_chains c
                        WHERE c.revoked_at IS NOT NULL
                           OR c.generation <> (SELECT count(*) FROM refresh_tokens r WHERE r.chain_id = c.id)
                           OR NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.chain_id = c.id
                                          AND r.token_hash = c.current_refresh_hash AND r.generation = c.generation)""")
                .mapTo(Integer.class).one());
    }

    /** The chain that issued {@code refreshToken}, as stored now, with that token's own generation. */
    static Chain issuerOf(Jdbi jdbi, String refreshToken) {
        String hash = TokenHash.of(refreshToken).hex();
        return jdbi.withHandle(h -> {
            Issued issued = h.createQuery("SELECT chain_id, generation FROM refresh_tokens WHERE token_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Issued(rs.getObject("chain_id", UUID.class), rs.getInt("generation")))
                    .findOne()
                    .orElseThrow(() -> new AssertionError("no chain issued the refresh token with hash " + hash));
            List<Integer> generations = h.createQuery(
                            "SELECT generation FROM refresh_tokens WHERE chain_id = :id ORDER BY generation")
                    .bind("id", issued.chainId()).mapTo(Integer.class).list();
            return h.createQuery("""
                            SELECT c.generation, c.revocation_reason,
                                   (SELECT r.generation FROM refresh_tokens r WHERE r.chain_id = c.id
                                    AND r.token_hash = c.current_refresh_hash) AS current_generation
                            FROM token_chains c WHERE c.id = :id""")
                    .bind("id", issued.chainId())
                    .map((rs, ctx) -> new Chain(issued.chainId(), issued.generation(), rs.getInt("generation"),
                            Optional.ofNullable(rs.getObject("current_generation", Integer.class)),
                            Optional.ofNullable(rs.getString("revocation_reason")), generations))
                    .one();
        });
    }

    private record Issued(UUID chainId, int generation) {
    }

    /**
     * One chain as stored.
     *
     * @param tokenGeneration    the generation of the refresh token it was looked up by
     * @param generation         the chain's generation (that of its one current refresh token)
     * @param currentGeneration  the generation of the issued token whose hash is the chain's current one
     * @param issuedGenerations  the generation of every refresh token the chain issued, in order
     */
    record Chain(UUID id, int tokenGeneration, int generation, Optional<Integer> currentGeneration,
                 Optional<String> revocationReason, List<Integer> issuedGenerations) {

        /**
         * Exactly one live refresh token: the current one is the last issued, and each generation up to it was
         * issued once (none beyond it): every other token the chain issued is an earlier one, refused as reuse.
         */
        boolean hasExactlyOneCurrentRefreshToken() {
            return currentGeneration.equals(Optional.of(generation))
                    && issuedGenerations.equals(IntStream.rangeClosed(1, generation).boxed().toList());
        }
    }
}
