package dev.faultline.application.tracker;

import dev.faultline.application.tracker.port.out.IssueActivities;
import dev.faultline.domain.tracker.ActivityActor;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueActivity;
import java.time.Instant;
import java.util.Optional;

/** Writes the activity record of a person's triage, when it changed the issue's status (or its mute). */
final class ActivityLog {
    private ActivityLog() {
    }

    static void statusChange(IssueActivities activities, Issue before, Issue after, Actor actor, Instant now) {
        IssueActivity.ofChange(before.statusAt(now), after.status()).ifPresent(kind -> activities.add(
                new IssueActivity(after.id(), kind, ActivityActor.person(actor.user()), now, Optional.empty())));
    }
}
