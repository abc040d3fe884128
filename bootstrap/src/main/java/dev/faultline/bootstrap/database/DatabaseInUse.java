package dev.faultline.bootstrap.database;

/**
 * The embedded PostgreSQL's data directory belongs to a Faultline that is running: the server refuses to start
 * a second time on it (the message is one line for the operator; nothing was changed).
 */
public final class DatabaseInUse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseInUse(String message) {
        super(message);
    }
}
