package dev.faultline.adapters.ingest.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

    private static final byte[] ENVELOPE = CapturedRequest.resource("java-1.envelope");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"identity", " Identity ", "identity, identity"})
    void absent_or_identity_encoding_passes_the_bytes_through(String header) throws IOException {
        assertThat(ContentEncoding.parse(header)).isEqualTo(ContentEncoding.IDENTITY);
        assertThat(decode(ENVELOPE, header, 10_000, 10_000)).isEqualTo(ENVELOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "x-gzip", " gzip "})
    void gzip_is_decoded(String header) throws IOException {
        assertThat(ContentEncoding.parse(header)).isEqualTo(ContentEncoding.GZIP);
        assertThat(decode(CapturedRequestsTest.gzip(ENVELOPE), header, 10_000, 10_000)).isEqualTo(ENVELOPE);
    }

    @Test
    void deflate_is_decoded_with_the_zlib_wrapper_and_without() throws IOException {
        assertThat(decode(deflate(ENVELOPE, false), "deflate", 10_000, 10_000)).isEqualTo(ENVELOPE);
        assertThat(decode(deflate(ENVELOPE, true), "deflate", 10_000, 10_000)).isEqualTo(ENVELOPE);
    }

    @Test
    void brotli_is_decoded() throws IOException {
        assertThat(decode(CapturedRequest.resource("java-1.envelope.br"), "br", 10_000, 10_000)).isEqualTo(ENVELOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "compress", "gzip, br", "br;q=1", "x-custom"})
    void zstd_unknown_and_stacked_encodings_are_refused_as_unsupported(String header) {
        assertThatThrownBy(() -> ContentEncoding.parse(header))
                .isInstanceOfSatisfying(IngestRefused.class, refused -> {
                    assertThat(refused.refusal()).isInstanceOf(Refusal.UnsupportedEncoding.class);
                    assertThat(refused.refusal().status()).isEqualTo(415);
                    assertThat(refused.refusal().reason()).contains("send gzip, deflate, br or no Content-Encoding");
                });
    }

    @Test
    void zstd_says_it_is_not_supported() {
        assertThatThrownBy(() -> ContentEncoding.parse("zstd")).hasMessage(
                "Content-Encoding zstd is not supported: send gzip, deflate, br or no Content-Encoding");
    }

    @ParameterizedTest
    @EnumSource(ContentEncoding.class)
    void exactly_the_compressed_limit_is_read_and_one_byte_more_is_too_large(ContentEncoding encoding) throws IOException {
        byte[] wire = encode(ENVELOPE, encoding);
        assertThat(decode(wire, encoding, wire.length, 10_000)).isEqualTo(ENVELOPE);
        assertTooLarge(() -> decode(wire, encoding, wire.length - 1, 10_000), "the request body is larger than the"
                + " limit of " + (wire.length - 1) + " bytes");
    }

    @ParameterizedTest
    @EnumSource(value = ContentEncoding.class, names = "IDENTITY", mode = EnumSource.Mode.EXCLUDE)
    void exactly_the_decompressed_limit_is_produced_and_one_byte_more_is_too_large(ContentEncoding encoding) throws IOException {
        byte[] wire = encode(ENVELOPE, encoding);
        assertThat(decode(wire, encoding, 10_000, ENVELOPE.length)).isEqualTo(ENVELOPE);
        assertTooLarge(() -> decode(wire, encoding, 10_000, ENVELOPE.length - 1), "the decompressed request body is"
                + " larger than the limit of " + (ENVELOPE.length - 1) + " bytes");
    }

    @Test
    void a_decompression_bomb_stops_at_the_limit_without_inflating_further() throws IOException {
        byte[] bomb = CapturedRequestsTest.gzip(new byte[64 * 1024 * 1024]); // 64 MiB of zeros, ~64 KiB on the wire
        assertThat(bomb.length).isLessThan(100 * 1024);
        CountingSource source = new CountingSource(bomb);
        assertTooLarge(() -> BodyDecoder.open(source, "gzip", new IngestLimits.BodyLimits(1024 * 1024, 1024 * 1024))
                .readAllBytes(), "the decompressed request body is larger than the limit of 1048576 bytes");
        assertThat(source.read).as("compressed bytes read before refusing").isLessThan(bomb.length);
    }

    @Test
    void content_length_is_never_consulted_a_chunked_body_is_just_a_stream() throws IOException {
        InputStream chunks = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(ENVELOPE, 100)),
                new ByteArrayInputStream(Arrays.copyOfRange(ENVELOPE, 100, ENVELOPE.length)));
        assertThat(BodyDecoder.open(chunks, (String) null, new IngestLimits.BodyLimits(ENVELOPE.length,
                ENVELOPE.length)).readAllBytes()).isEqualTo(ENVELOPE);
    }

    @ParameterizedTest
    @EnumSource(value = ContentEncoding.class, names = "IDENTITY", mode = EnumSource.Mode.EXCLUDE)
    void bytes_that_are_not_the_declared_encoding_are_malformed(ContentEncoding encoding) {
        byte[] garbage = "this is not compressed at all, not even a little".getBytes();
        assertThatThrownBy(() -> decode(garbage, encoding, 10_000, 10_000))
                .isInstanceOfSatisfying(IngestRefused.class, refused -> {
                    assertThat(refused.refusal()).isInstanceOf(Refusal.Malformed.class);
                    assertThat(refused.getMessage()).startsWith("the request body is not valid " + encoding.token());
                });
    }

    @ParameterizedTest
    @EnumSource(value = ContentEncoding.class, names = "IDENTITY", mode = EnumSource.Mode.EXCLUDE)
    void a_truncated_or_empty_compressed_body_is_malformed(ContentEncoding encoding) {
        byte[] wire = encode(ENVELOPE, encoding);
        for (byte[] cut : new byte[][] {Arrays.copyOf(wire, wire.length / 2), new byte[0]}) {
            assertThatThrownBy(() -> decode(cut, encoding, 10_000, 10_000))
                    .isInstanceOfSatisfying(IngestRefused.class,
                            refused -> assertThat(refused.refusal()).isInstanceOf(Refusal.Malformed.class));
        }
    }

    @ParameterizedTest
    @EnumSource(ContentEncoding.class)
    void a_failing_client_connection_is_a_plain_io_exception_not_a_refusal(ContentEncoding encoding) {
        IOException reset = new IOException("Connection reset by peer");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(
                encode(ENVELOPE, encoding), 20)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw reset;
                    }
                });
        assertThatThrownBy(() -> BodyDecoder.open(failing, encoding, new IngestLimits.BodyLimits(10_000, 10_000))
                .readAllBytes()).isSameAs(reset);
    }

    @Test
    void random_bytes_in_any_encoding_only_ever_fail_as_refusals() {
        Random random = new Random(12);
        for (int i = 0; i < 2_000; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (i % 3 == 0 && junk.length > 2) { // plausible magic numbers, to get past the headers
                junk[0] = (byte) 0x1f;
                junk[1] = (byte) 0x8b;
            }
            for (ContentEncoding encoding : ContentEncoding.values()) {
                try {
                    decode(junk, encoding, 200, 400);
                } catch (IngestRefused expected) {
                    assertThat(expected.refusal().status()).isIn(400, 413);
                } catch (IOException | RuntimeException unexpected) {
                    throw new AssertionError(encoding + " on " + Arrays.toString(junk), unexpected);
                }
            }
        }
    }

    static byte[] encode(byte[] bytes, ContentEncoding encoding) {
        try {
            return switch (encoding) {
                case IDENTITY -> bytes;
                case GZIP -> CapturedRequestsTest.gzip(bytes);
                case DEFLATE -> deflate(bytes, false);
                case BROTLI -> {
                    if (!Arrays.equals(bytes, ENVELOPE)) {
                        throw new IllegalArgumentException("only the captured envelope has a brotli form here");
                    }
                    yield CapturedRequest.resource("java-1.envelope.br");
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9, raw))) {
            deflater.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] decode(byte[] wire, String header, long compressed, long decompressed) throws IOException {
        return BodyDecoder.open(new ByteArrayInputStream(wire), header,
                new IngestLimits.BodyLimits(compressed, decompressed)).readAllBytes();
    }

    private static byte[] decode(byte[] wire, ContentEncoding encoding, long compressed, long decompressed)
            throws IOException {
        return BodyDecoder.open(new ByteArrayInputStream(wire), encoding,
                new IngestLimits.BodyLimits(compressed, decompressed)).readAllBytes();
    }

    private static void assertTooLarge(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IngestRefused.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(new Refusal.TooLarge(reason));
            assertThat(refused.refusal().status()).isEqualTo(413);
        });
    }

    private static final class CountingSource extends ByteArrayInputStream {
        long read;

        CountingSource(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
