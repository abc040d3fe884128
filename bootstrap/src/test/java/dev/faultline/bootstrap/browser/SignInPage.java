package dev.faultline.bootstrap.browser;

import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The sign-in page ({@code /login}) as a person uses it. */
public final class SignInPage {
    static final String PATH = "/login";
    private static final String SUBMIT = "form[action='/login'] button[type=submit]";

    private final RealBrowser browser;

    SignInPage(RealBrowser browser) {
        this.browser = browser;
    }

    public static SignInPage open(RealBrowser browser, String issuer) {
        browser.open(issuer + PATH);
        return at(browser);
    }

    /** The sign-in page the browser is on now (e.g. after being sent there by the authorization endpoint). */
    public static SignInPage at(RealBrowser browser) {
        browser.waitFor(SUBMIT);
        return new SignInPage(browser);
    }

    public static boolean isShowing(RealBrowser browser) {
        return URI.create(browser.currentUrl()).getPath().equals(PATH);
    }

    /** Submits the form; the caller waits for what should happen next. */
    public void submit(String email, String password) {
        browser.fill("email", email);
        browser.fill("password", password);
        browser.click(SUBMIT);
    }

    /** Signs in and waits until the browser has left the sign-in page. */
    public void signIn(Person person) {
        submit(person.email(), person.password());
        browser.waitForUrl("away from " + PATH, url -> !URI.create(url).getPath().equals(PATH));
    }

    /** Waits for the error message the page shows after a refused sign-in. */
    public WebElement alert() {
        return browser.waitFor(By.cssSelector("[role=alert]"));
    }
}
