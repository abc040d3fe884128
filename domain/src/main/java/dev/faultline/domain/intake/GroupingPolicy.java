package dev.faultline.domain.intake;

/**
 * A versioned way of deciding which events are one issue. A version never changes once released (issues are
 * found by the fingerprints it produced); a better algorithm is a new version.
 */
public interface GroupingPolicy {

    int version();

    Grouping group(SdkEvent event);
}
