package dev.faultline.adapters.http.pages;

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
    void zero_width_and_tag_characters_that_make_two_names_look_alike_are_made_visible() {
        assertThat(DisplayText.of("Claude\u200B")).isEqualTo("Claude[U+200B]");
        assertThat(DisplayText.of("\uFEFFCursor\u2060")).isEqualTo("[U+FEFF]Cursor[U+2060]");
        assertThat(DisplayText.of("a" + new String(Character.toChars(0xE0041)))).isEqualTo("a[U+E0041]");
    }
}
