package dev.faultline.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The accessibility check the page tests rely on really finds problems: proven on pages made to have them. */
@ExtendWith(RealBrowserExtension.class)
class AccessibilityTest {
    private final RealBrowser browser;

    AccessibilityTest(RealBrowser browser) {
        this.browser = browser;
    }

    private void show(String html) {
        browser.open("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void an_input_without_a_label_and_grey_on_grey_text_are_reported() {
        show("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main><h1>Form</h1>"
                + "<p style='color:#aaa;background:#bbb'>hard to read</p><input type=text></main></body></html>");

        assertThatThrownBy(() -> Accessibility.assertNoViolations(browser, "bad page"))
                .hasMessageContaining("label").hasMessageContaining("color-contrast");
    }

    @Test
    void a_labelled_readable_page_passes() {
        show("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main><h1>Form</h1>"
                + "<label for=a>Name</label><input id=a type=text></main></body></html>");

        assertThatCode(() -> Accessibility.assertNoViolations(browser, "good page")).doesNotThrowAnyException();
    }
}
