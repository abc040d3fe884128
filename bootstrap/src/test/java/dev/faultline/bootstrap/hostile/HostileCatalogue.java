package dev.faultline.bootstrap.hostile;

import static dev.faultline.bootstrap.hostile.HostileCase.Surface.ANY;
import static dev.faultline.bootstrap.hostile.HostileCase.Surface.DOCUMENT;
import static dev.faultline.bootstrap.hostile.HostileCase.Surface.MCP;
import static dev.faultline.bootstrap.hostile.HostileCase.Surface.OAUTH;
import static dev.faultline.bootstrap.hostile.HostileCase.Surface.PAGE;
import static dev.faultline.bootstrap.hostile.HostileCase.request;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hostile requests, table by table: every endpoint and page crossed with malformed, oversized, mistyped,
 * duplicated, unicode-tricked and injection-carrying input, and methods it does not take.
 */
final class HostileCatalogue {
    private static final String FORM = "application/x-www-form-urlencoded";

    /** What the suite's server holds, to make requests that get past authentication to the checks behind it. */
    record World(String cookies, String settingsCsrf, String readToken, String writeToken, String issueId,
            String clientId) {
    }

    /** Query values and form values that must each be refused or harmlessly shown, never a 5xx. */
    static final List<String> HOSTILE_ENCODED_VALUES = List.of(
            "%00", "a%00b", "%01%1F%7F", "%ED%A0%80", "%C0%AF", "%FF%FE", "%zz", "%", "%E2%80%AE", "1e400",
            "99999999999999999999999", "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%24%7Bjndi%3Aldap%3A%2F%2Fx%2Fa%7D", "x".repeat(4000));

    /** Raw body bytes that are not even valid UTF-8 or form encoding. */
    static final List<byte[]> HOSTILE_RAW_BODIES = List.of(
            new byte[0], bytes("="), bytes("&&&"), bytes("%"), bytes("%zz=1"), bytes("a=%"),
            join(bytes("email="), new byte[] {(byte) 0xC0, (byte) 0xAF}), join(bytes("csrf="), new byte[] {(byte) 0xFF}),
            join(bytes("title="), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), bytes("a=1&a=2&a=3"),
            bytes("\u0000=\u0000"), bytes("x".repeat(10_000)));

    static final List<String> HOSTILE_CONTENT_TYPES = List.of("text/plain", "application/json",
            "multipart/form-data; boundary=x", FORM + "; charset=", ";;;", FORM + "; charset=utf-16",
            FORM + "; charset=nonsense", FORM + ";;", "application/", "/", "x".repeat(300), FORM + "\u0000");

    private static final List<String> DESTRUCTIVE = List.of("/logout", "/settings/integrations/revoke-all");

    private HostileCatalogue() {
    }

    static List<HostileCase> all(World world) {
        List<HostileCase> cases = new ArrayList<>();
        pageQueries(world, cases);
        paths(world, cases);
        pageForms(world, cases);
        oauthForms(world, cases);
        registration(cases);
        documents(cases);
        mcp(world, cases);
        methods(world, cases);
        headers(world, cases);
        return cases;
    }

    private static void pageQueries(World world, List<HostileCase> cases) {
        Map<String, List<String>> pages = Map.of(
                "/login", List.of("return_to"),
                "/issues", List.of("application", "status", "cursor"),
                "/mcp/oauth/authorize", List.of("client_id", "redirect_uri", "scope", "state", "code_challenge",
                        "resource", "response_type", "code_challenge_method"),
                "/settings/integrations", List.of("notice"),
                "/logout", List.of("return_to"));
        pages.forEach((path, names) -> {
            for (String name : names) {
                for (String value : HOSTILE_ENCODED_VALUES) {
                    cases.add(request("page query", "GET", path + "?" + name + "=" + value)
                            .header("Cookie", world.cookies())
                            .expect(PAGE, 200, 302, 303, 400, 404));
                }
                cases.add(request("page query duplicated", "GET", path + "?" + name + "=a&" + name + "=b")
                        .header("Cookie", world.cookies())
                        .expect(PAGE, 200, 302, 303, 400));
            }
        });
        // A real authorization request with one hostile value each, so the checks behind the client lookup run.
        String valid = "client_id=" + world.clientId() + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb"
                + "&response_type=code&code_challenge=" + "E".repeat(43) + "&code_challenge_method=S256&state=s";
        for (String name : List.of("scope", "state", "resource", "code_challenge", "redirect_uri", "response_type")) {
            for (String value : HOSTILE_ENCODED_VALUES) {
                cases.add(request("authorize parameter", "GET", "/mcp/oauth/authorize?" + valid + "&" + name + "="
                        + value).header("Cookie", world.cookies()).expect(PAGE, 200, 302, 303, 400));
            }
        }
    }

    private static void paths(World world, List<HostileCase> cases) {
        for (String path : List.of("/issues/%00", "/issues/..%2f..%2fetc%2fpasswd", "/issues/%2e%2e",
                "/issues/%2e%2e/%2e%2e/login", "/settings/%2e%2e/login", "//login", "/login;jsessionid=x",
                "/issues/" + "a".repeat(2000), "/issues/%ED%A0%80", "/issues/%C0%AF", "/issues/" + world.issueId()
                        + "%00", "/issues/" + world.issueId().toUpperCase(), "/issues/00000000-0000-0000-0000-000000000000",
                "/issues/%E2%80%AE", "/%", "/%zz", "/issues/%", "/settings/integrations/", "/settings//integrations",
                "/issues/1e400", "/issues/-1", "/assets/..%2f..%2fconfig.yml", "/assets/%00", "/.well-known/%2e%2e/login",
                "/mcp/oauth/../oauth/jwks", "/mcp/oauth/%2e%2e/oauth/jwks", "/nonexistent", "/WEB-INF/web.xml",
                "/issues/%3Cscript%3E", "/issues/'%20OR%201=1--")) {
            cases.add(request("path", "GET", path).header("Cookie", world.cookies()).expect(ANY, 200, 301, 302, 303,
                    400, 404));
        }
    }

    private static void pageForms(World world, List<HostileCase> cases) {
        List<String> forms = List.of("/login", "/logout", "/mcp/oauth/authorize", "/settings/tokens",
                "/settings/tokens/revoke", "/settings/integrations/revoke", "/settings/integrations/revoke-all");
        for (String path : forms) {
            for (byte[] body : HOSTILE_RAW_BODIES) {
                cases.add(request("page form body", "POST", path).header("Cookie", world.cookies())
                        .header("Content-Type", FORM).body(body).expect(PAGE, 400, 403));
            }
            for (String value : HOSTILE_ENCODED_VALUES) {
                cases.add(request("page form csrf", "POST", path).header("Cookie", world.cookies())
                        .header("Content-Type", FORM).body("csrf=" + value + "&email=" + value + "&title=" + value)
                        .expect(PAGE, 400, 403));
            }
            // Signing out and revoking everything are never sent the real token: they would succeed.
            String csrf = DESTRUCTIVE.contains(path) ? "csrf=not-the-token" : "csrf=" + world.settingsCsrf();
            for (String type : HOSTILE_CONTENT_TYPES) {
                cases.add(request("page form content type", "POST", path).header("Cookie", world.cookies())
                        .header("Content-Type", type).body(csrf).expect(ANY, 303, 400, 403, 415));
            }
            cases.add(request("page form no content type", "POST", path).header("Cookie", world.cookies())
                    .body(csrf).expect(ANY, 400, 403, 415));
        }
        // With the session's real CSRF token, so the field checks behind it run; each form is invalid somehow.
        String csrf = "csrf=" + world.settingsCsrf();
        for (String value : HOSTILE_ENCODED_VALUES) {
            cases.add(request("token form field", "POST", "/settings/tokens").header("Cookie", world.cookies())
                    .header("Content-Type", FORM).body(csrf + "&title=" + value + "&scope=mcp%3Aread&expires_in=nonsense")
                    .expect(PAGE, 400));
            cases.add(request("token form field", "POST", "/settings/tokens").header("Cookie", world.cookies())
                    .header("Content-Type", FORM).body(csrf + "&title=t&scope=" + value + "&expires_in=30")
                    .expect(PAGE, 400));
            cases.add(request("token form field", "POST", "/settings/tokens").header("Cookie", world.cookies())
                    .header("Content-Type", FORM).body(csrf + "&title=t&scope=mcp%3Aread&expires_in=" + value)
                    .expect(PAGE, 400));
            cases.add(request("revoke form field", "POST", "/settings/tokens/revoke").header("Cookie", world.cookies())
                    .header("Content-Type", FORM).body(csrf + "&token_id=" + value).expect(PAGE, 303, 400));
            cases.add(request("revoke form field", "POST", "/settings/integrations/revoke")
                    .header("Cookie", world.cookies()).header("Content-Type", FORM)
                    .body(csrf + "&client_id=" + value).expect(PAGE, 303, 400));
        }
        cases.add(request("token form duplicated", "POST", "/settings/tokens").header("Cookie", world.cookies())
                .header("Content-Type", FORM).body(csrf + "&" + csrf + "&title=t&scope=mcp%3Aread&expires_in=30")
                .expect(PAGE, 400, 403));
        cases.add(request("token form duplicated", "POST", "/settings/tokens").header("Cookie", world.cookies())
                .header("Content-Type", FORM).body(csrf + "&title=a&title=b&scope=mcp%3Aread&expires_in=30")
                .expect(PAGE, 400));
    }

    private static void oauthForms(World world, List<HostileCase> cases) {
        for (String path : List.of("/mcp/oauth/token", "/mcp/oauth/revoke")) {
            for (byte[] body : HOSTILE_RAW_BODIES) {
                cases.add(request("oauth form body", "POST", path).header("Content-Type", FORM).body(body)
                        .expect(OAUTH, 200, 400, 401));
            }
            for (String type : HOSTILE_CONTENT_TYPES) {
                cases.add(request("oauth content type", "POST", path).header("Content-Type", type)
                        .body("grant_type=refresh_token&refresh_token=x&token=x&client_id=" + world.clientId())
                        .expect(OAUTH, 200, 400, 415));
            }
            for (String name : List.of("grant_type", "code", "refresh_token", "client_id", "redirect_uri",
                    "code_verifier", "scope", "resource", "token", "token_type_hint")) {
                for (String value : HOSTILE_ENCODED_VALUES) {
                    String base = "grant_type=authorization_code&code=c&code_verifier=" + "v".repeat(43)
                            + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb&client_id=" + world.clientId()
                            + "&token=t";
                    cases.add(request("oauth form field", "POST", path).header("Content-Type", FORM)
                            .body(base.replaceAll("(^|&)" + name + "=[^&]*", "") + "&" + name + "=" + value)
                            .expect(OAUTH, 200, 400, 401));
                }
            }
        }
        cases.add(request("oauth form oversized", "POST", "/mcp/oauth/token").header("Content-Type", FORM)
                .body("code=" + "c".repeat(17 * 1024)).expect(OAUTH, 413));
        cases.add(request("oauth form query secrets", "POST", "/mcp/oauth/token?code=abc&client_secret=s")
                .header("Content-Type", FORM).body("grant_type=authorization_code").expect(OAUTH, 400, 401));
    }

    private static void registration(List<HostileCase> cases) {
        String redirect = "\"redirect_uris\":[\"http://127.0.0.1:9/cb\"]";
        List<String> bodies = new ArrayList<>(List.of("", "{", "}", "[]", "null", "1e400", "\"x\"", "{\"a\":1e400}",
                "{" + redirect + ",\"client_name\":1e400}",
                "{" + redirect + ",\"client_name\":\"a\",\"client_name\":\"b\"}",
                "{" + redirect + "," + redirect + "}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"redirect_uris\":\"http://127.0.0.1:9/cb\"}", "{\"redirect_uris\":[1]}",
                "{\"redirect_uris\":[\"javascript:alert(1)\"]}", "{\"redirect_uris\":[\"http://127.0.0.1:9/cb\\u0000\"]}",
                "{" + redirect + ",\"client_name\":\"\\u0000\"}", "{" + redirect + ",\"client_name\":\"\\ud800\"}",
                "{" + redirect + ",\"client_name\":\"\\udc00x\"}", "{" + redirect + ",\"grant_types\":\"x\"}",
                "{" + redirect + ",\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                "{" + redirect + ",\"scope\":\"mcp:read\\u0000\"}", "{" + redirect + ",\"client_name\":{}}",
                "{" + redirect + ",\"client_name\":\"" + "n".repeat(20_000) + "\"}",
                "{" + redirect + ",\"client_name\":\"a\"} trailing", "{" + redirect + ",}", "{'a':1}",
                "{" + redirect + ",\"response_types\":[\"token\"]}", "{\"redirect_uris\":[]}",
                "{\"redirect_uris\":[\"http://evil.example/cb\"]}", "{\"redirect_uris\":[\"https://a.example/cb#x\"]}",
                "{\"redirect_uris\":[\"https://user:pw@a.example/cb\"]}", "\uFEFF{" + redirect + "}"));
        for (String body : bodies) {
            cases.add(request("registration json", "POST", "/mcp/oauth/register").header("Content-Type",
                    "application/json").body(body).expect(OAUTH, 400, 413));
        }
        for (byte[] raw : List.of(join(bytes("{" + redirect + ",\"client_name\":\""), new byte[] {(byte) 0xC0,
                (byte) 0xAF}, bytes("\"}")), join(bytes("{" + redirect + ",\"client_name\":\""), new byte[] {(byte) 0xED,
                (byte) 0xA0, (byte) 0x80}, bytes("\"}")), join(bytes("{" + redirect + ",\"client_name\":\""),
                new byte[] {(byte) 0xFF}, bytes("\"}")))) {
            cases.add(request("registration bytes", "POST", "/mcp/oauth/register").header("Content-Type",
                    "application/json").body(raw).expect(OAUTH, 400));
        }
        for (String type : HOSTILE_CONTENT_TYPES) {
            cases.add(request("registration content type", "POST", "/mcp/oauth/register").header("Content-Type", type)
                    .body("{\"redirect_uris\":[]}").expect(OAUTH, 400, 415));
        }
    }

    private static void documents(List<HostileCase> cases) {
        for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/oauth-protected-resource",
                "/.well-known/oauth-protected-resource/mcp", "/mcp/oauth/jwks")) {
            for (String value : List.of("%00", "%zz", "x".repeat(4000), "%ED%A0%80")) {
                cases.add(request("document query", "GET", path + "?q=" + value).expect(DOCUMENT, 200, 400));
            }
        }
    }

    private static void mcp(World world, List<HostileCase> cases) {
        String bearer = "Bearer " + world.readToken();
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "1e400", "\"x\"", "{}",
                "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\\u0000\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}", "[".repeat(5000) + "]".repeat(5000),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"\\ud800\",\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":1e400}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"\\u0000\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"%zz\"}}"));
        Map<String, List<String>> tools = Map.of(
                "list_issues", List.of("application", "status", "query", "since", "until", "sort", "limit", "cursor"),
                "get_issue", List.of("issue_id"),
                "list_events", List.of("issue_id", "limit", "cursor"),
                "get_event", List.of("event_id"),
                "get_ingest_setup", List.of("application"),
                "list_applications", List.of("cursor"));
        List<String> hostileJsonValues = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\u202e\"",
                "1e400", "-1", "99999999999999999999", "1.5", "true", "null", "[]", "{}", "\"" + "x".repeat(5000) + "\"",
                "\"' OR 1=1--\"", "\"\\u0001\"");
        tools.forEach((tool, arguments) -> {
            for (String argument : arguments) {
                for (String value : hostileJsonValues) {
                    bodies.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                            + "\",\"arguments\":{\"" + argument + "\":" + value + "}}}");
                }
            }
        });
        bodies.add("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_issue\","
                + "\"arguments\":{\"issue_id\":\"" + world.issueId() + "\",\"issue_id\":\"x\"}}}");
        for (String body : bodies) {
            cases.add(request("mcp body", "POST", "/mcp").header("Authorization", bearer)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .header("MCP-Protocol-Version", "2025-11-25").body(body).expect(MCP, 200, 400, 413));
        }
        // Write tools with the write token but arguments that must be refused: nothing may change.
        for (String tool : List.of("resolve_issue", "reopen_issue", "mute_issue", "assign_issue", "add_note",
                "delete_note")) {
            for (String value : hostileJsonValues) {
                cases.add(request("mcp write tool", "POST", "/mcp").header("Authorization", "Bearer " + world.writeToken())
                        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "2025-11-25")
                        .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                                + "\",\"arguments\":{\"issue_id\":" + value + ",\"note_id\":" + value + ",\"body\":"
                                + value + ",\"assignee\":" + value + ",\"until\":" + value + "}}}")
                        .expect(MCP, 200, 400));
            }
        }
        for (byte[] raw : List.of(join(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\""),
                new byte[] {(byte) 0xC0, (byte) 0xAF}, bytes("\"}")), join(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"ping\",\"x\":\""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes("\"}")))) {
            cases.add(request("mcp bytes", "POST", "/mcp").header("Authorization", bearer)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .body(raw).expect(MCP, 400));
        }
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        for (String type : HOSTILE_CONTENT_TYPES.stream().filter(t -> !t.equals("application/json")).toList()) {
            cases.add(request("mcp content type", "POST", "/mcp").header("Authorization", bearer)
                    .header("Content-Type", type).header("Accept", "application/json, text/event-stream").body(ping)
                    .expect(MCP, 400, 415));
        }
        for (String version : List.of("1999-01-01", "2025-11-25\u0000", "x".repeat(300), "", "2025-11-25, 2025-06-18")) {
            cases.add(request("mcp protocol version", "POST", "/mcp").header("Authorization", bearer)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .header("MCP-Protocol-Version", version).body(ping).expect(MCP, 400));
        }
        for (String accept : List.of("text/html", "", "*/*;q=x", "application/json;;")) {
            cases.add(request("mcp accept", "POST", "/mcp").header("Authorization", bearer)
                    .header("Content-Type", "application/json").header("Accept", accept)
                    .header("MCP-Protocol-Version", "2025-11-25").body(ping).expect(MCP, 200, 400, 406));
        }
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
                    .append(",\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\",\"arguments\":{}}}");
        }
        cases.add(request("mcp batch", "POST", "/mcp").header("Authorization", bearer)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .body(batch.append("]").toString()).expect(MCP, 200, 400, 413));
        for (String path : List.of("/mcp/%00", "/mcp/flt_pat_%00", "/mcp/" + "a".repeat(3000), "/mcp/%ED%A0%80",
                "/mcp/..%2f", "/mcp/a%2fb", "/mcp/" + world.readToken() + "x")) {
            cases.add(request("mcp token path", "POST", path).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").body(ping).expect(ANY, 400, 401, 403, 404));
        }
    }

    private static void methods(World world, List<HostileCase> cases) {
        for (String path : List.of("/login", "/logout", "/settings/integrations", "/settings/tokens", "/issues",
                "/mcp", "/mcp/oauth/token", "/mcp/oauth/register", "/mcp/oauth/revoke", "/mcp/oauth/authorize",
                "/mcp/oauth/jwks", "/.well-known/oauth-authorization-server")) {
            for (String method : List.of("PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FOO")) {
                cases.add(request("method", method, path).header("Cookie", world.cookies()).body("x")
                        .expect(ANY, 400, 405));
            }
        }
    }

    private static void headers(World world, List<HostileCase> cases) {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        cases.add(request("authorization header", "POST", "/mcp").header("Authorization", "Bearer  " + world.readToken())
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .body(ping).expect(MCP, 200));
        for (String authorization : List.of("Bearer", "Bearer ", "Basic Zm9vOmJhcg==",
                "Bearer a.b.c", "Bearer " + "x".repeat(6000), "bearer " + world.readToken() + "\u0000",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer %00", "Negotiate x")) {
            cases.add(request("authorization header", "POST", "/mcp").header("Authorization", authorization)
                    .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                    .body(ping).expect(MCP, 400, 401));
        }
        cases.add(request("authorization header twice", "POST", "/mcp").header("Authorization", "Bearer " + world.readToken())
                .header("Authorization", "Bearer x").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").body(ping).expect(MCP, 400, 401));
        for (String cookie : List.of("a", "=", ";;;", "faultline_session=%00", "faultline_session=" + "x".repeat(4000),
                "__Host-faultline_session=x; faultline_session=y", "\u00ff=\u00ff")) {
            cases.add(request("cookie header", "GET", "/settings/integrations").header("Cookie", cookie)
                    .expect(PAGE, 200, 303, 400));
        }
        for (String host : List.of("", "evil.example", "localhost:99999", "%00", "[::1", "a b")) {
            cases.add(request("host header", "GET", "/login").header("Host", host).expect(ANY, 200, 400, 403, 421));
        }
        for (String origin : List.of("null", "http://evil.example", "%00", "x".repeat(500))) {
            cases.add(request("origin header", "POST", "/mcp").header("Authorization", "Bearer " + world.readToken())
                    .header("Origin", origin).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").body(ping).expect(MCP, 403));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
