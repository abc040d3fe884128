package dev.faultline.domain.intake;

/** Whether a frame is the application's own code: as the SDK said, or unknown when it said nothing. */
public enum InApp {
    YES,
    NO,
    UNKNOWN;

    public static InApp of(Boolean sdkFlag) {
        return sdkFlag == null ? UNKNOWN : sdkFlag ? YES : NO;
    }
}
