package dev.faultline.domain.shared;

/**
 * A value object refused its input. Carries the name of the offending field so an adapter can turn it
 * into a precise error (an OAuth error description, a JSON-RPC tool error, a form error).
 */
public final class InvalidValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidValue(field, message);
        }
    }
}
