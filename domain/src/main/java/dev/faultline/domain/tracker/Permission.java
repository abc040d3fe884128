package dev.faultline.domain.tracker;

/**
 * What an {@link Actor} may do in the tracker. Each use case names the one it requires and refuses an actor
 * without it; where an actor's permissions come from (a person's own session, a token's scopes) is decided once,
 * where the actor is made.
 */
public enum Permission {
    /** See one's applications and everything in them: issues, events, notes. */
    READ,
    /** Change what one can see: resolve, reopen, mute and assign issues, write and delete notes. */
    WRITE
}
