/**
 * Outbound ports of the account context: the user repository, password hashing and the persisted sign-in
 * failure streaks.
 *
 * <p>{@link dev.faultline.application.account.port.out.Users}: e-mail addresses are unique (they arrive already
 * normalised to lowercase); {@code add} is atomic with respect to that uniqueness, so two concurrent sign-ups
 * for one address end in exactly one {@code ADDED}.
 *
 * <p>{@link dev.faultline.application.account.port.out.SignInAttempts}: one streak per address, shared by every
 * instance; {@code reserve} is an atomic read-decide-write (two concurrent failures count twice, and of 32
 * concurrent reservations against one address only as many are granted as the throttle allows).
 *
 * <p>{@link dev.faultline.application.account.port.out.AddressSignInFailures}: one count per client address, shared
 * by every instance; {@code reserve} and {@code refund} are atomic read-decide-writes like the streaks'.
 *
 * <p>{@link dev.faultline.application.account.port.out.PasswordCheckPermits}: per instance (it guards this
 * instance's cores and heap); {@code tryAcquire} never waits longer than its bound.
 * Every adapter must pass the contract suites in this module's test jar.
 */
package dev.faultline.application.account.port.out;
