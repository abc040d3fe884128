package dev.faultline.domain.access;

/** Why a token chain ended before its time. */
public enum RevocationReason {
    /** A refresh token that had already been rotated away was presented again: a theft signal. */
    REFRESH_REUSE,
    /** The authorization code that produced the chain was presented again: a theft signal. */
    CODE_REPLAY,
    /** The client revoked one of the chain's tokens (RFC 7009). */
    CLIENT_REVOKED,
    /** The user revoked the integration on the My Integrations page. */
    USER_REVOKED;

    /** Whether Faultline itself cut the chain off because a token was used twice: what a stolen token looks like. */
    public boolean isTheftSignal() {
        return this == REFRESH_REUSE || this == CODE_REPLAY;
    }
}
