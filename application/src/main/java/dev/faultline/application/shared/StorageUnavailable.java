package dev.faultline.application.shared;

/**
 * The store cannot be reached right now (it is down, restarting, refusing connections, or every connection
 * is busy): nothing was changed by the work that failed, and the same request may succeed a little later.
 * Storage adapters throw it in place of their driver's connection failures, so that a driving adapter can
 * answer "try again later" (HTTP 503) without knowing the storage technology. Any other failure of a store is
 * a bug and propagates as it is.
 *
 * <p>Its message describes the failure (a state code and the driver's reason); it never carries data.
 */
public final class StorageUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
