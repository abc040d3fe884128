package dev.faultline.application.tracker.port.out;

import dev.faultline.application.shared.FeedListener;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.IssueId;

/**
 * News that an issue's revision moved (see {@link IssueRevisions}), or that the issue is gone, and that a person lost
 * (or may have lost) a membership. A membership gained is not news: a reader's membership is only ever remembered
 * once it was seen.
 *
 * <p>What an adapter promises its subscribers:
 * <ul>
 *   <li>{@link Listener#connected()} once the feed listens (possibly during {@link #subscribe}); from then on every
 *       such change committed by anyone sharing the store is delivered, until {@link Listener#disconnected()};
 *       between that and the next {@code connected()} changes may be missed;</li>
 *   <li>a change made through this storage's own {@link Issues}, {@link Notes}, {@link IssueActivities} or event
 *       retention is delivered before that call returns, or, inside a unit of work, before the unit of work returns
 *       (so a caller reads its own writes through this instance at once); any other change (another instance's, or
 *       one made by hand) when the store hands it over, after it is committed;</li>
 *   <li>a change may be delivered more than once, and when the feed cannot tell what changed it calls
 *       {@link Listener#everythingChanged()}.</li>
 * </ul>
 */
public interface IssueChanges {
    void subscribe(Listener listener);

    interface Listener extends FeedListener {
        /** {@code issue}'s revision moved on, or the issue is gone. */
        void issueChanged(IssueId issue);

        /** {@code person} may have lost a membership. */
        void membershipsChanged(UserId person);
    }
}
