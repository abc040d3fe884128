package dev.faultline.application.shared;

/**
 * What a change feed tells each subscriber besides the changes themselves. Calls come on any thread, possibly
 * concurrently; listeners must be quick and never throw.
 */
public interface FeedListener {
    /** The feed listens: from now on no change is missed. Anything learnt earlier may be stale. */
    void connected();

    /** The feed stopped listening: changes may be missed until the next {@link #connected()}. */
    void disconnected();

    /** Some things changed, which ones is not known. */
    void everythingChanged();
}
