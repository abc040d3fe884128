package dev.faultline.bootstrap.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link RealBrowser} per test class, handed to constructors and methods that ask for it, quit after the
 * class even when a test fails. Each test starts without cookies.
 *
 * <p>Declare it before {@code DropwizardExtensionsSupport}: extensions run in declaration order, so a machine
 * without Chromium skips the class before a server and its database are started for nothing.
 */
public final class RealBrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealBrowser.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ChromiumInstallation.DEBIAN.requireOrSkip();
        context.getStore(NAMESPACE).put(RealBrowser.class, RealBrowser.start(ChromiumInstallation.DEBIAN));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser(context).forgetCookies();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RealBrowser browser = context.getStore(NAMESPACE).remove(RealBrowser.class, RealBrowser.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    private static RealBrowser browser(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RealBrowser.class, RealBrowser.class);
    }
}
