package dev.faultline.adapters.http.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What strict parsing refuses, and that it says so in words of its own, never the parser's. */
class StrictJsonTest {
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("{\"a\":1,\"a\":2}", "key \"a\" appears twice in one object (line 1, column"),
                Arguments.of("{\"a\":{\"b\":1,\"b\":1}}", "key \"b\" appears twice"),
                Arguments.of("{\"a\":\"\\ud800\"}", "the string at \"a\" contains an unpaired surrogate"),
                Arguments.of("[\"\\udc00\\ud800\"]", "the string at \"[0]\" contains an unpaired surrogate"),
                Arguments.of("{\"\\ud800\":1}", "a key in the top level contains an unpaired surrogate"),
                Arguments.of("{\"a\":1e400}", "the number at \"a\" is beyond the range"),
                Arguments.of("[-1e400]", "beyond the range"),
                Arguments.of("1" + "0".repeat(309), "beyond the range"),
                Arguments.of("{\"a\":1e2147483648}", "a number is malformed or out of range"),
                Arguments.of("{\"a\":", "it ends too early"),
                Arguments.of("{\"a\":\"x", "it ends too early"),
                Arguments.of("{} {}", "something follows the JSON value"),
                Arguments.of("{\"a\":\"\u0000\"}", "raw control character (U+0000)"),
                Arguments.of("{\"a\":\"\\q\"}", "invalid escape"),
                Arguments.of("{\"a\":nope}", "a word that is not a JSON value"),
                Arguments.of("[".repeat(5000), "nested too deep"),
                Arguments.of("{\"a\":01}", "number"),
                Arguments.of("", "it is empty"),
                Arguments.of("  \n ", "it is empty"),
                Arguments.of("{'a':1}", "unexpected text"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refused")
    void refuses_with_a_reason_in_words(String body, String reason) {
        assertRefused(body.getBytes(StandardCharsets.UTF_8), reason);
    }

    @Test
    void refuses_every_byte_sequence_that_is_not_utf_8() {
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80,
                (byte) 0xAF}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0x80}};
        for (byte[] sequence : bad) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(sequence);
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            assertRefused(body.toByteArray(), "it is not valid UTF-8 (the bytes at offset 6");
        }
    }

    @Test
    void accepts_what_is_strict_json_and_keeps_numbers_exact() {
        StrictJson.Outcome outcome = StrictJson.parse(("{\"a\":[1,2.50,\"\\ud83d\\ude00 \u00e9\",null,true],"
                + "\"b\":1.7976931348623157e308,\"c\":-1e-400,\"d\":\"\\u0000\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(outcome).isInstanceOf(StrictJson.Outcome.Parsed.class);
        var value = ((StrictJson.Outcome.Parsed) outcome).value();
        assertThat(value.path("a").get(1).decimalValue()).isEqualByComparingTo("2.5");
        assertThat(value.path("a").get(2).textValue()).isEqualTo("\uD83D\uDE00 \u00e9");
        assertThat(value.path("d").textValue()).as("an escaped control character is valid JSON; the field's own "
                + "check decides").isEqualTo("\u0000");
    }

    private static void assertRefused(byte[] body, String reason) {
        StrictJson.Outcome outcome = StrictJson.parse(body);
        assertThat(outcome).isInstanceOf(StrictJson.Outcome.Refused.class);
        String said = ((StrictJson.Outcome.Refused) outcome).reason();
        assertThat(said).contains(reason).doesNotContain("`", "com.", "jackson", "Jackson", "Exception", "java.",
                "StreamRead", "Source:");
    }
}
