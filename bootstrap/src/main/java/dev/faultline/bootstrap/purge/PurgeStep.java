package dev.faultline.bootstrap.purge;

import java.util.Map;

/** One kind of purge (expired grants, dead personal tokens, ...): runs to completion and reports counts. */
@FunctionalInterface
public interface PurgeStep {
    /** Deletes what has expired and returns how many of each kind were removed, e.g. {@code codes -> 12}. */
    Map<String, Long> run();
}
