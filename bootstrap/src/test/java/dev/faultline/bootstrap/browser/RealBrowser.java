package dev.faultline.bootstrap.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through its own chromedriver) with a fresh profile, and the few steps the
 * browser tests need: open, fill, click, wait, screenshot. {@link #close()} quits the browser and deletes the
 * profile. Never prints what is typed or read: pages show secrets.
 */
public final class RealBrowser implements AutoCloseable {
    /**
     * How long a wait may take before it fails. Only a failing test ever waits this long, so it is sized for a
     * loaded 2-core CI machine running Chromium, Jetty and PostgreSQL at once, not for a developer laptop.
     */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    // Selenium warns when no DevTools bindings match Chromium's version; these tests send raw CDP commands
    // through chromedriver (executeCdpCommand), which need none. Held in a field: JUL keeps loggers weakly.
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private boolean screenshotsAnnounced;

    private RealBrowser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    static RealBrowser start(ChromiumInstallation chromium) {
        Path profile = temporaryProfile();
        // The driver path is given explicitly, so Selenium never runs Selenium Manager to look for (or fetch) one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromium.driver().toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run",
                "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new RealBrowser(driver, profile, screenshotDirectory());
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Types into the input with this id, replacing what was there. */
    public void fill(String id, String value) {
        WebElement field = waitFor(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    public void click(By target) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    public void click(String cssSelector) {
        click(By.cssSelector(cssSelector));
    }

    /**
     * Runs a step that makes the browser load a new page (a form post, a link) and waits until the page it left is
     * gone. Without this, a wait for an element the old page also has (a heading, a notice, a table) may return the
     * old page's element while the new one is still loading.
     */
    public void loadingANewPage(Runnable step) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        step.run();
        new WebDriverWait(driver, WAIT).withMessage("a new page to replace " + driver.getCurrentUrl())
                .until(d -> isGone(oldPage));
    }

    /**
     * Whether the element's document has been replaced. Chrome reports that as a stale element, or, when asked in
     * the middle of the navigation, as "Node with given id does not belong to the document" (seen once in CI).
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Waits until the element is visible and returns it. */
    public WebElement waitFor(By target) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    public WebElement waitFor(String cssSelector) {
        return waitFor(By.cssSelector(cssSelector));
    }

    /** Waits until no element matches, e.g. a table row after its Revoke was posted and the page came back. */
    public void waitUntilGone(By target) {
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(target).isEmpty());
    }

    /** Waits until the current URL satisfies the condition (described in the failure message) and returns it. */
    public String waitForUrl(String description, Predicate<String> condition) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "URL to be " + description + ", but it is " + driver.getCurrentUrl())
                .until(d -> condition.test(d.getCurrentUrl()));
        return driver.getCurrentUrl();
    }

    public String waitForUrlStartingWith(String prefix) {
        return waitForUrl("starting with " + prefix, url -> url.startsWith(prefix));
    }

    /** The visible text of the page. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Forgets every cookie of every site, so the next page sees a new visitor. */
    public void forgetCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** For assertions the helpers don't cover. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) content.get("width")).doubleValue(),
                "height", ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!screenshotsAnnounced) {
            screenshotsAnnounced = true;
            System.out.println("Real-browser screenshots: " + screenshots);
        }
        return file;
    }

    /** Renders the current page as a phone would (390×844 CSS pixels, touch, viewport meta honoured). */
    public Path phoneScreenshot(String name) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        try {
            return screenshot(name);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static Path screenshotDirectory() {
        // Surefire runs in the module directory and sets basedir; the IDE may not.
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path directory = module.resolve("target").resolve("screenshots");
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("faultline-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in /tmp is harmless; the test result matters more.
        }
    }
}
