package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** The id an SDK gave its event: 32 lowercase hex digits (a UUID without dashes). Unique per application. */
public record SdkEventId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    public SdkEventId {
        InvalidValue.require(value != null && SHAPE.matcher(value).matches(), "event_id",
                "event_id must be 32 lowercase hex digits, not \"" + value + "\"");
    }

    @Override
    public String toString() {
        return value;
    }
}
