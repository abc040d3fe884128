package dev.faultline.adapters.http.logging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.RequestLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes request-log lines with secrets masked. The request log never sees headers, so {@code Authorization}
 * and cookies cannot leak there; what can is the request target and the Referer, masked here:
 * <ul>
 *   <li>the personal token of the {@code /mcp/{token}} form, judged by what the path <em>is</em> once
 *       normalised the way a server may read it (percent-decoding, {@code ;} path parameters, empty and dot
 *       segments, letter case, a trailing slash), so {@code /mcp/oauth/../X}, {@code //mcp/X}, {@code /mcp/X/},
 *       {@code /mcp%2FX} and {@code /MCP/X} are all logged as {@code /mcp/***}: only the endpoints below
 *       {@code /mcp} that carry no secret are logged as they came;</li>
 *   <li>the value of every secret parameter ({@link #SECRET_PARAMETERS}, names compared decoded and
 *       case-insensitively) in the query of any path, and every {@code ;} path-parameter value;</li>
 *   <li>anywhere in the line, whatever has the shape of a Faultline secret ({@code flt_…_}) or of a JWT.</li>
 * </ul>
 */
public final class RedactingRequestLogWriter implements RequestLog.Writer {
    static final Set<String> SECRET_PARAMETERS = Set.of("access_token", "token", "refresh_token", "code",
            "client_secret", "password", "state", "code_verifier", "csrf", "csrf_token", "sentry_secret");
    /** The paths below {@code /mcp} that are not the personal-token form (normalised, lower case). */
    private static final Set<String> PUBLIC_MCP_PATHS = Set.of("/mcp", "/mcp/oauth/token", "/mcp/oauth/register",
            "/mcp/oauth/authorize", "/mcp/oauth/revoke", "/mcp/oauth/jwks");
    private static final String MASK = "***";
    private static final Pattern REQUEST_LINE = Pattern.compile("\"([A-Za-z]+) (\\S+) (HTTP/[0-9.]+)\"");
    private static final Pattern QUOTED_URL = Pattern.compile("\"((?:https?://|/)[^\"\\s]*)\"");
    private static final Pattern FAULTLINE_SECRET = Pattern.compile("flt_[a-z]+_[A-Za-z0-9_-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern PATH_PARAMETER = Pattern.compile(";[^/]*");
    private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*");
    private static final int MAX_DECODING_ROUNDS = 4;

    private final Consumer<String> sink;

    public RedactingRequestLogWriter(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Request lines go to the logger {@code faultline.requests} at INFO. */
    public static RedactingRequestLogWriter toLog() {
        Logger log = LoggerFactory.getLogger("faultline.requests");
        return new RedactingRequestLogWriter(log::info);
    }

    @Override
    public void write(String line) {
        sink.accept(redact(line));
    }

    public static String redact(String line) {
        Matcher request = REQUEST_LINE.matcher(line);
        StringBuilder out = new StringBuilder();
        int from = 0;
        if (request.find()) {
            out.append(line, 0, request.start())
                    .append('"').append(request.group(1)).append(' ').append(redactTarget(request.group(2)))
                    .append(' ').append(request.group(3)).append('"');
            from = request.end();
        }
        Matcher url = QUOTED_URL.matcher(line);
        url.region(from, line.length());
        while (url.find()) {
            out.append(line, from, url.start()).append('"').append(redactTarget(url.group(1))).append('"');
            from = url.end();
        }
        out.append(line, from, line.length());
        String masked = FAULTLINE_SECRET.matcher(out).replaceAll(MASK);
        return JWT.matcher(masked).replaceAll(MASK);
    }

    /** A request target or URL with its secrets masked. */
    static String redactTarget(String target) {
        Matcher authority = SCHEME_AND_AUTHORITY.matcher(target);
        String prefix = authority.find() ? authority.group() : "";
        String rest = target.substring(prefix.length());
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? null : rest.substring(question + 1);
        return prefix + redactPath(path) + (query == null ? "" : "?" + redactQuery(query));
    }

    private static String redactPath(String rawPath) {
        String normalised = normalise(rawPath);
        if (normalised.startsWith("/mcp/") && !PUBLIC_MCP_PATHS.contains(normalised)) {
            return "/mcp/" + MASK;
        }
        return rawPath.indexOf(';') < 0 ? rawPath : PATH_PARAMETER.matcher(rawPath).replaceAll(";" + MASK);
    }

    /** The path as a lenient server might read it: decoded, without path parameters or dot segments, lower case. */
    static String normalise(String rawPath) {
        String decoded = rawPath;
        for (int round = 0; round < MAX_DECODING_ROUNDS && decoded.contains("%"); round++) {
            decoded = decode(decoded);
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.replace('\\', '/').split("/")) {
            int parameters = segment.indexOf(';');
            String name = (parameters >= 0 ? segment.substring(0, parameters) : segment).trim();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(name.toLowerCase(Locale.ROOT));
        }
        return "/" + String.join("/", segments);
    }

    private static String redactQuery(String query) {
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            boolean secret = SECRET_PARAMETERS.contains(decode(name).trim().toLowerCase(Locale.ROOT));
            pairs.add(secret && equals >= 0 ? name + "=" + MASK : pair);
        }
        return String.join("&", pairs);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
