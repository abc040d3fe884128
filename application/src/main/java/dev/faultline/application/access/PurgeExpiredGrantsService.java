package dev.faultline.application.access;

import dev.faultline.application.access.port.in.PurgeExpiredGrants;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.TokenChains;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Runs each purge in batches until a batch comes back short. Each batch is its own statement so a purge never
 * holds long locks; stopping half-way is harmless because the next run continues where this one stopped.
 */
public class PurgeExpiredGrantsService implements PurgeExpiredGrants {
    /** A safety stop so a purge run is bounded even if rows keep arriving. */
    static final int MAX_BATCHES_PER_KIND = 1_000;

    private final Clients clients;
    private final AuthorizationCodes codes;
    private final TokenChains chains;
    private final AccessPolicy policy;
    private final Clock clock;

    public PurgeExpiredGrantsService(Clients clients, AuthorizationCodes codes, TokenChains chains,
            AccessPolicy policy, Clock clock) {
        this.clients = Objects.requireNonNull(clients);
        this.codes = Objects.requireNonNull(codes);
        this.chains = Objects.requireNonNull(chains);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result purge() {
        Instant now = clock.instant();
        Instant retentionCutoff = now.minus(policy.endedGrantRetention());
        int batch = policy.purgeBatchSize();
        Instant securityEventCutoff = now.minus(policy.securityEventRetention());
        int chainCount = inBatches(() -> chains.purgeEndedBefore(retentionCutoff, securityEventCutoff, batch));
        int codeCount = inBatches(() -> codes.purgeExpiredBefore(retentionCutoff, batch));
        int clientCount = inBatches(() -> clients.purgeAbandoned(now.minus(policy.abandonedClientTtl()), batch));
        return new Result(codeCount, chainCount, clientCount);
    }

    private int inBatches(IntSupplier oneBatch) {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_KIND; i++) {
            int deleted = oneBatch.getAsInt();
            total += deleted;
            if (deleted < policy.purgeBatchSize()) {
                break;
            }
        }
        return total;
    }
}
