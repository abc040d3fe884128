package dev.faultline.application.account.port.in;

/** Forgets failed sign-in streaks that can no longer lock anybody out. */
public interface PurgeStaleSignInFailures {
    /** Returns how many streaks were forgotten. */
    long purgeStaleSignInFailures();
}
