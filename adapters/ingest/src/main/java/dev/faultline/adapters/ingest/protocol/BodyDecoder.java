package dev.faultline.adapters.ingest.protocol;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Turns a request body as it arrives (chunked or not: it is just a stream) into its decoded bytes, holding both
 * counts to their limits while streaming: more compressed bytes than allowed, or a body that decompresses past
 * its limit (a decompression bomb), is refused as too large (413) at the first byte too many. A body that is not
 * valid in its declared encoding is malformed (400).
 *
 * <p>Reads throw {@link IngestRefused} for anything wrong with the bytes; a plain {@link IOException} from the
 * returned stream is the client's connection failing, passed through unchanged.
 */
public final class BodyDecoder {

    private BodyDecoder() {
    }

    /** Decodes {@code raw} as {@code contentEncoding} (the header's value, {@code null} when absent) says. */
    public static InputStream open(InputStream raw, String contentEncoding, IngestLimits.BodyLimits limits)
            throws IngestRefused {
        return open(raw, ContentEncoding.parse(contentEncoding), limits);
    }

    public static InputStream open(InputStream raw, ContentEncoding encoding, IngestLimits.BodyLimits limits) {
        InputStream compressed = new BoundedInputStream(new SourceGuard(raw), limits.compressed(),
                "the request body");
        InputStream decoded = new Decoding(compressed, encoding);
        return new BoundedInputStream(decoded, limits.decompressed(),
                encoding == ContentEncoding.IDENTITY ? "the request body" : "the decompressed request body");
    }

    /** Marks failures of the client's stream so they are not mistaken for bad compressed data. */
    private static final class SourceGuard extends FilterInputStream {
        SourceGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }
    }

    private static final class SourceFailure extends IOException {
        SourceFailure(IOException cause) {
            super(cause);
        }
    }

    /**
     * Builds the decompressor on the first read (gzip and brotli read their headers when constructed, so
     * construction fails the same way a read does) and translates every failure: our own refusals pass, the
     * client's stream failing passes as its original exception, anything else is a malformed body.
     */
    private static final class Decoding extends InputStream {
        private final InputStream compressed;
        private final ContentEncoding encoding;
        private InputStream decoder;

        Decoding(InputStream compressed, ContentEncoding encoding) {
            this.compressed = compressed;
            this.encoding = encoding;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                if (decoder == null) {
                    decoder = decoderFor(compressed, encoding);
                }
                return decoder.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
        }

        @Override
        public void close() throws IOException {
            (decoder != null ? decoder : compressed).close();
        }

        private IOException translate(Exception failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof IngestRefused refused) {
                    return refused;
                }
                if (t instanceof SourceFailure source) {
                    return (IOException) source.getCause();
                }
            }
            if (failure instanceof IndexOutOfBoundsException || failure instanceof NullPointerException) {
                throw (RuntimeException) failure; // the caller's buffer arguments, not the body
            }
            String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return IngestRefused.malformed("the request body is not valid " + encoding.token() + ": " + detail);
        }
    }

    private static InputStream decoderFor(InputStream compressed, ContentEncoding encoding) throws IOException {
        return switch (encoding) {
            case IDENTITY -> compressed;
            case GZIP -> new GZIPInputStream(compressed, 8192);
            case DEFLATE -> deflate(compressed);
            case BROTLI -> new BrotliInputStream(compressed);
        };
    }

    /** zlib-wrapped when the first two bytes are a zlib header (RFC 1950 §2.2), raw deflate otherwise. */
    private static InputStream deflate(InputStream compressed) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(compressed, 2);
        byte[] head = peek.readNBytes(2);
        peek.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0f) == 8
                && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
        return new InflaterInputStream(peek, new Inflater(!zlib), 8192) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inf.end(); // a supplied Inflater is not ended by InflaterInputStream itself
                }
            }
        };
    }
}
