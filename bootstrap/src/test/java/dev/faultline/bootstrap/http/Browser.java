package dev.faultline.bootstrap.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, for end-to-end tests: keeps cookies, follows redirects by hand within the server and
 * submits the forms the pages render (reading hidden fields like a browser would). Records a transcript of
 * request lines and status codes with secrets masked.
 */
public final class Browser {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>(.*?)</button>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<String> transcript = new ArrayList<>();

    public record Form(String action, Map<String, String> fields, List<Map<String, String>> buttons, String html) {
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows redirects on {@code origin} and submits forms with {@code fill} until a redirect leaves it. */
    public URI follow(String start, String origin, Function<List<Form>, Form> fill) {
        HttpResponse<String> response = get(start);
        for (int step = 0; step < 10; step++) {
            var location = response.headers().firstValue("Location");
            if (location.isPresent()) {
                URI next = URI.create(start).resolve(location.get());
                if (!next.toString().startsWith(origin)) {
                    return next;
                }
                response = get(next.toString());
                continue;
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("unexpected " + response.statusCode() + ": " + response.body());
            }
            Form form = fill.apply(forms(response.body()));
            response = post(URI.create(origin).resolve(form.action()).toString(), form.fields());
        }
        throw new AssertionError("too many steps");
    }

    /**
     * A person at the pages: signs in with {@code email} and {@code password}, then approves the consent page as
     * rendered ({@code ticks} null) or ticking exactly the scopes in {@code ticks}.
     */
    public static Function<List<Form>, Form> signInAndApprove(String email, String password, List<String> ticks) {
        return forms -> {
            for (Form form : forms) {
                if (form.html().contains("type=\"password\"")) {
                    Map<String, String> fields = new LinkedHashMap<>(form.fields());
                    fields.put("email", email);
                    fields.put("password", password);
                    return new Form(form.action(), fields, form.buttons(), form.html());
                }
            }
            for (Form form : forms) {
                for (Map<String, String> button : form.buttons()) {
                    if ("approve".equalsIgnoreCase(button.get("value"))) {
                        Map<String, String> fields = new LinkedHashMap<>(form.fields());
                        if (ticks != null) {
                            fields.keySet().removeIf(name -> name.startsWith("grant:"));
                            ticks.forEach(scope -> fields.put("grant:" + scope, "yes"));
                        }
                        fields.put(button.get("name"), button.get("value"));
                        return new Form(form.action(), fields, form.buttons(), form.html());
                    }
                }
            }
            throw new AssertionError("no sign-in or consent form on the page");
        };
    }

    /** The values of every cookie this browser holds (session, CSRF, notices). */
    public List<String> cookieValues() {
        return cookies.getCookieStore().getCookies().stream().map(java.net.HttpCookie::getValue).toList();
    }

    public List<String> transcript() {
        return transcript;
    }

    public static List<Form> forms(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> a = attributes(input.group(1));
                boolean uncheckedBox = ("checkbox".equalsIgnoreCase(a.get("type"))
                        || "radio".equalsIgnoreCase(a.get("type"))) && !a.containsKey("checked");
                if (a.containsKey("name") && !"submit".equalsIgnoreCase(a.get("type")) && !uncheckedBox) {
                    fields.put(a.get("name"), a.getOrDefault("value", ""));
                }
            }
            List<Map<String, String>> buttons = new ArrayList<>();
            Matcher button = BUTTON.matcher(form.group(2));
            while (button.find()) {
                Map<String, String> a = new LinkedHashMap<>(attributes(button.group(1)));
                a.put("text", button.group(2).replaceAll("<[^>]+>", "").trim());
                buttons.add(a);
            }
            forms.add(new Form(attributes.getOrDefault("action", ""), fields, buttons, form.group(2)));
        }
        return forms;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            transcript.add(request.method() + " " + masked(request.uri()) + " -> " + response.statusCode());
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String masked(URI uri) {
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()
                .replaceAll("(code|code_challenge|state|token|refresh_token|client_secret)=[^&]*", "$1=…");
        return uri.getRawPath() + query;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            result.put(m.group(1).toLowerCase(), unescape(m.group(2) != null ? m.group(2) : m.group(3)));
        }
        Matcher bare = Pattern.compile("\\s(checked|disabled|required)(\\s|$)").matcher(text);
        while (bare.find()) {
            result.putIfAbsent(bare.group(1), "");
        }
        return result;
    }

    private static String unescape(String value) {
        Matcher numeric = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);").matcher(value);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            String code = numeric.group(1);
            int codePoint = code.startsWith("x") ? Integer.parseInt(code.substring(1), 16) : Integer.parseInt(code);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
