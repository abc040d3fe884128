package dev.faultline.bootstrap.wiring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * When ingestion has a port of its own ({@code ingest.port}), that port serves the ingest servlet and nothing else,
 * and the other ports do not serve it: monitored applications reach the crash intake while {@code /mcp}, the OAuth
 * server and the pages stay on a connector bound to, say, 127.0.0.1. Both sides of the separation answer a plain
 * 404, as if the path did not exist there.
 */
final class IngestPortSeparation extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final int ingestPort;
    private final String ingestServlet;

    IngestPortSeparation(int ingestPort, String ingestServlet) {
        this.ingestPort = ingestPort;
        this.ingestServlet = ingestServlet;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean onIngestPort = request.getLocalPort() == ingestPort;
        boolean forIngest = ingestServlet.equals(request.getHttpServletMapping().getServletName());
        if (onIngestPort != forIngest) {
            response.setHeader("Connection", "close");
            response.sendError(404);
            return;
        }
        chain.doFilter(request, response);
    }
}
