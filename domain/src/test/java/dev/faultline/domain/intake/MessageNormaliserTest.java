package dev.faultline.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageNormaliserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mail ada@example.com now              | mail <email> now
            GET https://api.example.com/v1?x=2 failed | GET <url> failed
            order 123e4567-e89b-12d3-a456-426614174000 | order <uuid>
            order 123e4567e89b12d3a456426614174000 | order <uuid>
            peer 10.0.0.17 refused                | peer <ip> refused
            at 2026-12-03T20:37:27.145Z           | at <date>
            at 2026-12-03                         | at <date>
            at 20:37:27                           | at <date>
            timed out after 30s                   | timed out after <duration>
            waited 250 ms                         | waited <duration>
            slept 5min                            | slept <duration>
            bad pointer 0x7ffee4c0                | bad pointer <hex>
            digest deadbeefdeadbeef01             | digest <hex>
            ratio 0.75 too high                   | ratio <float> too high
            user 42 not found                     | user <int> not found
            key 'items' missing                   | key <quoted> missing
            "<parameter1>" is null                | <quoted> is null
            no variable parts                     | no variable parts
            """)
    void replacesVariableParts(String text, String expected) {
        assertThat(MessageNormaliser.normalise(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            email before quoted: 'ada@example.com' | <quoted>
            url before int: http://h:8080/a        | <url>
            ip before int: 10.0.0.1                | <ip>
            duration before int: 30s               | <duration>
            float before int: 1.5                  | <float>
            """)
    void appliesThePatternsInOrder(String text, String expected) {
        assertThat(MessageNormaliser.normalise(text)).endsWith(expected);
    }

    @org.junit.jupiter.api.Test
    void keepsTheFirstTwoNonEmptyLines() {
        assertThat(MessageNormaliser.normalise("one\n\n  \ntwo\nthree\nfour")).isEqualTo("one\ntwo...");
        assertThat(MessageNormaliser.normalise("one\r\ntwo\n")).isEqualTo("one\ntwo");
        assertThat(MessageNormaliser.normalise("only\n")).isEqualTo("only");
    }
}
