package dev.faultline.bootstrap.cli;

/** A CLI command refused its input or could not do its work; the message is shown as is, without a trace. */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }
}
