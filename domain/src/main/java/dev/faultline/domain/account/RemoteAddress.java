package dev.faultline.domain.account;

import dev.faultline.domain.shared.InvalidValue;

/**
 * The network address a request (a sign-in, an authorization request) came from, as the driving adapter determined it (the connection's peer, or what
 * the one trusted reverse proxy saw): an IPv4 or IPv6 address in text form, or {@code unknown}. Only ever compared,
 * never parsed, so the check is about size and characters: at most {@value #MAX_LENGTH} visible ASCII characters.
 */
public record RemoteAddress(String value) {
    public static final int MAX_LENGTH = 100;
    /** Where a request without a network peer (an in-process call) counts. */
    public static final RemoteAddress UNKNOWN = new RemoteAddress("unknown");

    public RemoteAddress {
        InvalidValue.require(value != null && !value.isEmpty(), "client_address", "a client address is required");
        InvalidValue.require(value.length() <= MAX_LENGTH, "client_address",
                "a client address is at most " + MAX_LENGTH + " characters");
        InvalidValue.require(value.chars().allMatch(c -> c > 0x20 && c < 0x7F), "client_address",
                "a client address is visible ASCII text");
    }

    @Override
    public String toString() {
        return value;
    }
}
