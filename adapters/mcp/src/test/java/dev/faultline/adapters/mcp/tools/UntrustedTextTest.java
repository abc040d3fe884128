package dev.faultline.adapters.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
    @Test
    void replaces_every_control_character_but_line_feed_and_tab_and_joins_crlf() {
        assertThat(UntrustedText.printable("a\r\nb\rc\u0000d\u001b[31me\u007ff\tg\nh\u0085i\u00e9"))
                .isEqualTo("a\nb\uFFFDc\uFFFDd\uFFFD[31me\uFFFDf\tg\nh\u0085i\u00e9");
        assertThat(UntrustedText.printable("plain text\nwith lines")).isEqualTo("plain text\nwith lines");
        assertThat(UntrustedText.printable("")).isEmpty();
    }

    @Test
    void agrees_with_the_posix_control_class_on_every_char() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        String text = all.toString().replace("\r\n", "\n");
        assertThat(UntrustedText.printable(text)).isEqualTo(text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "\uFFFD"));
    }
}
