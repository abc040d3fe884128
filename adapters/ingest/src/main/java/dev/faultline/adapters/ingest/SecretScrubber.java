package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of frame variables, the request and extra data before they reach the model. A value is
 * replaced by {@value #FILTERED} when its key contains (case-insensitively) one of: password, passwd,
 * passphrase, pwd (mysql_pwd), secret, token (access_token, stripeToken, csrf_token), api_key / api-key /
 * apikey, auth (Authorization, auth_token), credential, cookie, session, private_key / privatekey,
 * card_number / cardnumber / cc_number, cvv, cvc. In any text, a run of 13-19 digits (spaces or dashes
 * allowed) that passes the Luhn check, a payment card number, becomes {@value #FILTERED}. The {@code
 * Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} headers and all request
 * cookies are dropped outright.
 */
final class SecretScrubber {
    static final String FILTERED = "[Filtered]";
    private static final Pattern SECRET_KEY = Pattern.compile("password|passwd|passphrase|pwd|secret|token"
            + "|api[-_]?key|auth|credential|cookie|session|private[-_]?key|card[-_]?number|cc[-_]?number|cvv|cvc",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Set<String> DROPPED_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    /** Parameter names that carry a secret without saying so (OAuth's code, signed URLs' signatures). */
    private static final Set<String> SECRET_PARAMETER_NAMES = Set.of("code", "sig", "signature",
            "x-amz-signature", "x-goog-signature");
    /** Headers whose value is a URL that may carry secrets in its query or fragment. */
    private static final Set<String> URL_HEADERS = Set.of("referer", "location", "content-location", "origin");
    private static final ObjectMapper BODY_PARSER = new ObjectMapper();

    private final Normalisation.Recorder recorder;

    SecretScrubber(Normalisation.Recorder recorder) {
        this.recorder = recorder;
    }

    static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).find();
    }

    static boolean isSecretParameter(String name) {
        return isSecretKey(name) || SECRET_PARAMETER_NAMES.contains(name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static boolean isDroppedHeader(String name) {
        return DROPPED_HEADERS.contains(name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** A scrubbed copy: secret keys filtered at any depth, card numbers filtered in every text. */
    JsonNode scrub(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), scrubEntry(field.getKey(), field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(scrub(element)));
            return copy;
        }
        return node.isTextual() ? TextNode.valueOf(scrubText(node.textValue())) : node;
    }

    /** The value under {@code key}, filtered whole if the key names a secret. */
    JsonNode scrubEntry(String key, JsonNode value) {
        if (isSecretKey(key) && !Json.absent(value)) {
            recorder.add(Reason.SECRET_SCRUBBED);
            return TextNode.valueOf(FILTERED);
        }
        return scrub(value);
    }

    /** Card numbers in free text filtered. */
    String scrubText(String text) {
        Matcher matcher = CARD_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            boolean card = luhn(matcher.group());
            if (card) {
                recorder.add(Reason.SECRET_SCRUBBED);
            }
            matcher.appendReplacement(out, card ? Matcher.quoteReplacement(FILTERED)
                    : Matcher.quoteReplacement(matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A URL with its query and fragment read as parameters ({@code ?code=…&state=…}, {@code #access_token=…}):
     * secret parameters filtered, card numbers too.
     */
    String scrubUrl(String url) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        int end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        if (end < 0) {
            return scrubText(url);
        }
        StringBuilder out = new StringBuilder(scrubText(url.substring(0, end)));
        if (query >= 0 && (fragment < 0 || query < fragment)) {
            out.append('?').append(scrubPairs(url.substring(query + 1, fragment < 0 ? url.length() : fragment)));
        }
        if (fragment >= 0) {
            out.append('#').append(scrubPairs(url.substring(fragment + 1)));
        }
        return out.toString();
    }

    /** A header's value: URLs in URL-valued headers as {@link #scrubUrl}, others as text. */
    JsonNode scrubHeader(String name, JsonNode value) {
        if (value.isTextual() && URL_HEADERS.contains(name.strip().toLowerCase(java.util.Locale.ROOT))
                && !isSecretKey(name)) {
            return TextNode.valueOf(scrubUrl(value.textValue()));
        }
        return scrubEntry(name, value);
    }

    /** A request body sent as text: JSON (as SDKs send a JSON body) scrubbed as JSON, anything else as a form. */
    String scrubBody(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode parsed = BODY_PARSER.readTree(trimmed);
                if (parsed != null && (parsed.isObject() || parsed.isArray())) {
                    return scrub(parsed).toString();
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                // not JSON after all: read as a form below
            }
        }
        return scrubPairs(body);
    }

    /** Form or query text ({@code a=1&password=x}): secret keys' values filtered, card numbers too. */
    String scrubPairs(String pairs) {
        StringBuilder out = new StringBuilder();
        for (String pair : pairs.split("&", -1)) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            if (eq > 0 && isSecretParameter(pair.substring(0, eq))) {
                recorder.add(Reason.SECRET_SCRUBBED);
                out.append(pair, 0, eq + 1).append(FILTERED);
            } else {
                out.append(scrubText(pair));
            }
        }
        return out.toString();
    }

    private static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
