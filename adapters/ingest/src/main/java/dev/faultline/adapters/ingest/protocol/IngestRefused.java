package dev.faultline.adapters.ingest.protocol;

import java.io.IOException;

/**
 * A {@link Refusal} on its way out of a stream. It is an {@link IOException} because limits and framing are
 * enforced inside {@code InputStream.read}; catch it before plain {@code IOException}, which means the client's
 * connection failed.
 */
public final class IngestRefused extends IOException {

    private final transient Refusal refusal;

    public IngestRefused(Refusal refusal) {
        super(refusal.reason());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    static IngestRefused malformed(String reason) {
        return new IngestRefused(new Refusal.Malformed(reason));
    }

    static IngestRefused tooLarge(String reason) {
        return new IngestRefused(new Refusal.TooLarge(reason));
    }
}
