package dev.faultline.application.tracker.port.in;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Optional;

/** The paging rules every list command shares: page sizes and cursor length. */
public interface Paging {
    int DEFAULT_PAGE_SIZE = 25;
    int MAX_PAGE_SIZE = 100;
    int MAX_CURSOR_LENGTH = 512;

    static void checkPageSize(int limit) {
        InvalidValue.require(limit >= 1 && limit <= MAX_PAGE_SIZE, "limit",
                "limit must be between 1 and " + MAX_PAGE_SIZE + ", not " + limit);
    }

    static Optional<String> checkCursor(Optional<String> cursor) {
        Optional<String> present = cursor.filter(c -> !c.isBlank()).map(String::strip);
        present.ifPresent(c -> InvalidValue.require(c.length() <= MAX_CURSOR_LENGTH, "cursor",
                "cursor is longer than any cursor Faultline issues (" + MAX_CURSOR_LENGTH + " characters)"));
        return present;
    }
}
