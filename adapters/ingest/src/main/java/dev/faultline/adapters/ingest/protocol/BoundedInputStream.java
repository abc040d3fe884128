package dev.faultline.adapters.ingest.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through; asking for one more byte than that, when the source has it, is
 * refused as too large. A source of exactly {@code limit} bytes reads to its end normally.
 */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    BoundedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        if (count >= limit) {
            return probeBeyondLimit();
        }
        int b = in.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (count >= limit) {
            return probeBeyondLimit();
        }
        int n = in.read(buffer, offset, (int) Math.min(length, limit - count));
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping is reading: every byte must be counted, so never delegate to a source's skip.
        byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would let bytes be counted twice or not at all
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("reset is not supported");
    }

    private int probeBeyondLimit() throws IOException {
        if (in.read() < 0) {
            return -1;
        }
        throw IngestRefused.tooLarge(what + " is larger than the limit of " + limit + " bytes");
    }
}
