package dev.faultline.application.access;

import dev.faultline.application.access.port.in.AuthenticateBearer;
import dev.faultline.application.access.port.in.AuthenticatePersonalToken;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.domain.access.ProtectedResource;
import dev.faultline.domain.access.AccessAdmission;
import dev.faultline.domain.access.AccessTokenClaims;
import dev.faultline.domain.access.ChainState;
import dev.faultline.domain.access.PersonalTokenFormat;
import dev.faultline.domain.access.TokenChain;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Personal tokens are told apart by their prefix; anything else must be one of our access tokens. */
public class AuthenticateBearerService implements AuthenticateBearer {
    static final String DEAD_PERSONAL_TOKEN = "this personal access token is not valid (unknown, revoked or expired)";
    private final AccessTokenCodec codec;
    private final TokenChains chains;
    private final ChainStateCache states;
    private final AuthenticatePersonalToken personalTokens;
    private final AccessPolicy policy;
    /** Built once: {@link AccessPolicy#mcpResource} parses its URI on every call. */
    private final ProtectedResource resource;
    private final Clock clock;

    /** Reads every chain from the store on every call. */
    public AuthenticateBearerService(AccessTokenCodec codec, TokenChains chains,
                                     AuthenticatePersonalToken personalTokens, AccessPolicy policy, Clock clock) {
        this(codec, chains, new ChainStateCache(chains, 0), personalTokens, policy, clock);
    }

    /** Reads chains through {@code states}, a cache over {@code chains}. */
    public AuthenticateBearerService(AccessTokenCodec codec, TokenChains chains, ChainStateCache states,
                                     AuthenticatePersonalToken personalTokens, AccessPolicy policy, Clock clock) {
        this.codec = codec;
        this.chains = chains;
        this.states = states;
        this.personalTokens = personalTokens;
        this.policy = policy;
        this.resource = policy.mcpResource();
        this.clock = clock;
    }

    @Override
    public Outcome authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return new Outcome.Refused("no bearer token was presented");
        }
        if (presented.startsWith(PersonalTokenFormat.PREFIX)) {
            return personalToken(presented);
        }
        Instant now = clock.instant();
        return codec.verify(presented, policy.issuer(), resource, now).fold(
                valid -> accessToken(valid.claims(), now),
                invalid -> new Outcome.Refused("the access token is not valid: " + invalid.reason()));
    }

    @Override
    public Outcome authenticateInUrl(String presented) {
        if (!PersonalTokenFormat.isWellFormed(presented)) {
            return new Outcome.Refused("only a personal access token (flt_pat_…) may be sent in the URL; send other"
                    + " tokens in the Authorization header");
        }
        return personalToken(presented);
    }

    /**
     * A refusal is always decided on the stored chain: a kept state may only be behind on a rotation, which moves
     * the refresh expiry later, so it can wrongly refuse but never wrongly admit.
     */
    private Outcome accessToken(AccessTokenClaims claims, Instant now) {
        Optional<ChainState> found = states.find(claims.chainId());
        if (found.isPresent() && found.get().admit(claims, now).fold(admitted -> false, refused -> true)) {
            found = states.reload(claims.chainId());
        }
        if (found.isEmpty()) {
            return new Outcome.Refused("the access token's grant no longer exists; authorize again");
        }
        ChainState chain = found.get();
        return chain.admit(claims, now).fold(
                admitted -> {
                    if (chain.shouldRecordUse(now)) {
                        chains.recordUse(chain.id(), now, now.minus(TokenChain.USE_RECORDING_INTERVAL));
                        states.usedAt(chain, now);
                    }
                    return new Outcome.Authenticated(new Caller(claims.subject(), admitted.scopes(),
                            new Grant.OAuth(claims.clientId(), claims.chainId())));
                },
                refused -> new Outcome.Refused(describe(refused.refusal())));
    }

    private static String describe(AccessAdmission.Refusal refusal) {
        return switch (refusal) {
            case GRANT_REVOKED -> "the access token's grant was revoked; authorize again";
            case GRANT_ENDED -> "the access token's grant has ended; authorize again";
            case GRANT_EXPIRED -> "the access token's grant has expired; authorize again";
            case NOT_THIS_GRANT -> "the access token does not match its grant";
            case NO_SCOPE_OF_THE_GRANT -> "the access token carries no scope its grant allows";
        };
    }

    private Outcome personalToken(String presented) {
        return personalTokens.authenticate(presented).fold(
                authenticated -> {
                    AuthenticatePersonalToken.Principal principal = authenticated.principal();
                    return new Outcome.Authenticated(new Caller(principal.user(), principal.scopes(),
                            new Grant.PersonalToken(principal.tokenId())));
                },
                refused -> refusedPersonalToken(refused.reason()));
    }

    private static Outcome refusedPersonalToken(AuthenticatePersonalToken.Reason reason) {
        if (reason == AuthenticatePersonalToken.Reason.MALFORMED) {
            return new Outcome.Refused("the personal access token is malformed (checksum mismatch)");
        }
        // Unknown, revoked and expired read alike: whoever holds the string learns nothing about whether it was
        // ever real, and the remedy is the same; the owner sees each token's status on My Integrations.
        return new Outcome.Refused(DEAD_PERSONAL_TOKEN);
    }
}
