package dev.faultline.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Library loggers that would print a secret, raised to a level at which they say nothing of the kind.
 *
 * <p>Jersey's {@code WebComponent} warns "A servlet request to the URI … contains form parameters in the request
 * body but the request body has been consumed" with the <em>full request URI, query string included</em>,
 * whenever a form POST arrives with an empty body and a query string (the servlet container reads the query as
 * parameters). Anyone can send {@code POST /mcp/oauth/token?code=…&client_secret=…} that way, so the warning
 * would write codes and secrets to the log. Faultline's endpoints read forms themselves and the warning tells an
 * operator nothing they can act on; its errors still log.
 */
final class QuietLoggers {
    static final String JERSEY_FORM_WARNING = "org.glassfish.jersey.servlet.WebComponent";

    private QuietLoggers() {
    }

    /** After logging is configured (Dropwizard does it before {@code run}). */
    static void apply() {
        ((Logger) LoggerFactory.getLogger(JERSEY_FORM_WARNING)).setLevel(Level.ERROR);
    }
}
