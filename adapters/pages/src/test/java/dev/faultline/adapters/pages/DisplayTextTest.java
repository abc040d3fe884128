package dev.faultline.adapters.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void ordinary_text_in_any_script_is_shown_as_it_is() {
        assertThat(DisplayText.of("Claude Code — Zürich 東京 مرحبا 🚀")).isEqualTo("Claude Code — Zürich 東京 مرحبا 🚀");
        assertThat(DisplayText.of(null)).isEmpty();
    }

    @Test
    void direction_overrides_and_isolates_are_made_visible() {
        assertThat(DisplayText.of("Claude\u202Eexe.ppa")).isEqualTo("Claude[U+202E]exe.ppa");
        assertThat(DisplayText.of("\u2066a\u2069\u200F")).isEqualTo("[U+2066]a[U+2069][U+200F]");
    }

    @Test
    void control_characters_stored_under_older_rules_are_made_visible_but_line_breaks_and_tabs_stay() {
        assertThat(DisplayText.of("Crash\u0007 in checkout\u001b[31m"))
                .isEqualTo("Crash[U+0007] in checkout[U+001B][31m");
        assertThat(DisplayText.of("a\u0000b\u007Fc\u0085d\u009Be"))
                .isEqualTo("a[U+0000]b[U+007F]c[U+0085]d[U+009B]e");
        assertThat(DisplayText.of("line one\r\n\tline two\n")).isEqualTo("line one\r\n\tline two\n");
    }

    @Test
    void zero_width_and_tag_characters_that_make_two_names_look_alike_are_made_visible() {
        assertThat(DisplayText.of("Claude\u200B")).isEqualTo("Claude[U+200B]");
        assertThat(DisplayText.of("\uFEFFCursor\u2060")).isEqualTo("[U+FEFF]Cursor[U+2060]");
        assertThat(DisplayText.of("a" + new String(Character.toChars(0xE0041)))).isEqualTo("a[U+E0041]");
    }

    @Test
    void joiners_inside_words_and_emoji_and_a_single_variation_selector_stay_as_writing_needs_them() {
        assertThat(DisplayText.of("\uD83D\uDC69\u200D\uD83D\uDCBB")).isEqualTo("\uD83D\uDC69\u200D\uD83D\uDCBB");
        assertThat(DisplayText.of("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"))
                .isEqualTo("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
        assertThat(DisplayText.of("\u2764\uFE0F")).isEqualTo("\u2764\uFE0F");
    }

    @Test
    void joiners_at_an_edge_fillers_and_runs_of_variation_selectors_are_made_visible() {
        assertThat(DisplayText.of("Claude\u200D")).isEqualTo("Claude[U+200D]");
        assertThat(DisplayText.of("\u200CClaude")).isEqualTo("[U+200C]Claude");
        assertThat(DisplayText.of("Claude\u3164")).isEqualTo("Claude[U+3164]");
        assertThat(DisplayText.of("a\u034Fb\uFFA0")).isEqualTo("a[U+034F]b[U+FFA0]");
        assertThat(DisplayText.of("a\uFE01\uFE02" + new String(Character.toChars(0xE0100))))
                .isEqualTo("a\uFE01[U+FE02][U+E0100]");
        assertThat(DisplayText.of("Cla\u00ADude")).isEqualTo("Cla[U+00AD]ude");
    }
}
