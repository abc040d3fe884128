package dev.faultline.adapters.http.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormEncodingTest {

    @Test
    void what_browsers_send_is_well_formed() {
        for (String body : new String[] {"", "a=1", "email=a%40b.c&password=p+w&csrf=x", "title=%E2%82%AC%F0%9F%92%A9",
                "a=&b", "x=%00"}) {
            assertThat(FormEncoding.isWellFormed(body.getBytes(StandardCharsets.US_ASCII))).as(body).isTrue();
        }
    }

    @Test
    void broken_escapes_and_bytes_that_are_not_utf8_are_not() {
        for (String body : new String[] {"%", "a=%", "a=%2", "a=%zz", "%zz=1", "a=%C0%AF", "a=%ED%A0%80", "a=%FF",
                "a=%E2%82"}) {
            assertThat(FormEncoding.isWellFormed(body.getBytes(StandardCharsets.US_ASCII))).as(body).isFalse();
        }
        assertThat(FormEncoding.isWellFormed(new byte[] {'a', '=', (byte) 0xC0, (byte) 0xAF})).isFalse();
    }
}
