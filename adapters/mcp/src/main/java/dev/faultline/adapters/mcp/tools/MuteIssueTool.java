package dev.faultline.adapters.mcp.tools;

import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.tracker.port.in.MuteIssue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.MuteRule;
import java.util.List;

/** {@code mute_issue}: silence an issue for ever, until a time, or until N more events. */
final class MuteIssueTool extends FaultlineTool {
    private static final String FOREVER = "forever";
    private static final String UNTIL = "until";
    private static final String EVENTS = "events";
    private final MuteIssue muteIssue;

    MuteIssueTool(MuteIssue muteIssue) {
        super("mute_issue", "Mute an issue",
                "Mutes an issue so it stops asking for attention while its events are still counted. Give "
                        + "exactly one of: \"forever\": true (until someone reopens or resolves it); \"until\": "
                        + "an RFC 3339 time in the future (it reads unresolved again from then on); \"events\": "
                        + "N (it unmutes when N more events have arrived, 1-" + MuteRule.MAX_EVENTS + "). Muting a "
                        + "muted issue replaces its mute. Returns the issue as it is now, with its mute details. "
                        + NEEDS_WRITE + " " + ToolOutput.UNTRUSTED_HINT,
                Schemas.object()
                        .required(Arguments.ISSUE_ID, Arguments.issueIdSchema())
                        .optional(FOREVER, Schemas.constant(true, "Mute until someone reopens or resolves it."))
                        .optional(UNTIL, Schemas.dateTime("Mute until this moment (RFC 3339, in the future)."))
                        .optional(EVENTS, Schemas.integer("Mute until this many more events have arrived.", 1,
                                MuteRule.MAX_EVENTS))
                        .exactlyOneOf(FOREVER, UNTIL, EVENTS)
                        .buildTopLevel(),
                ChangedIssue.outputSchema(List.of("muted")),
                CHANGES_STATE_IDEMPOTENTLY, MuteIssue.REQUIRES);
        this.muteIssue = muteIssue;
    }

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        IssueId id = arguments.issueId();
        MuteRule rule;
        if (arguments.has(UNTIL)) {
            rule = new MuteRule.UntilTime(arguments.optionalInstant(UNTIL).orElseThrow());
        } else if (arguments.has(EVENTS)) {
            rule = new MuteRule.UntilMoreEvents(arguments.optionalLong(EVENTS).orElseThrow());
        } else {
            rule = new MuteRule.Forever();
        }
        MuteIssue.Outcome outcome = muteIssue.muteIssue(new MuteIssue.Command(actor, id, rule));
        return outcome.fold(
                refused -> notPermitted(refused.required()),
                muted -> ChangedIssue.success("muted", muted.issue(), "Muted issue " + id + "."),
                past -> ToolResult.error("Invalid argument \"until\": " + past.until() + " is not in the future (it "
                        + "is now " + past.now() + "); give a later time, or use \"events\" or \"forever\". Nothing "
                        + "changed."),
                notFound -> ToolResult.error(NotFound.issue(id)));
    }
}
