package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.shared.Times;
import dev.faultline.domain.tracker.Level;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Something the application did shortly before the crash, as the SDK recorded it (an HTTP call, a log line, a
 * click). {@code data} is already scrubbed of secrets, each value rendered as text. A breadcrumb says at least
 * something: a message, a category, a type or some data.
 */
public record Breadcrumb(
        Optional<Instant> timestamp,
        Optional<String> type,
        Optional<String> category,
        Optional<Level> level,
        Optional<String> message,
        SortedMap<String, String> data) {

    public static final int MAX_TYPE_LENGTH = 64;
    public static final int MAX_CATEGORY_LENGTH = 200;
    public static final int MAX_MESSAGE_LENGTH = 4096;
    public static final int MAX_DATA = 20;
    public static final int MAX_DATA_NAME_LENGTH = 200;
    public static final int MAX_DATA_LENGTH = 1024;

    public Breadcrumb {
        timestamp = Objects.requireNonNull(timestamp, "breadcrumb.timestamp").map(Times::micros);
        type = Checks.line(type, "breadcrumb.type", MAX_TYPE_LENGTH);
        category = Checks.line(category, "breadcrumb.category", MAX_CATEGORY_LENGTH);
        Objects.requireNonNull(level, "breadcrumb.level");
        message = Checks.text(message, "breadcrumb.message", MAX_MESSAGE_LENGTH).filter(m -> !m.isBlank());
        data = Checks.map(data, "breadcrumb.data", MAX_DATA, MAX_DATA_NAME_LENGTH, MAX_DATA_LENGTH);
        InvalidValue.require(type.isPresent() || category.isPresent() || message.isPresent() || !data.isEmpty(),
                "breadcrumb", "a breadcrumb needs a message, a category, a type or data");
    }
}
