package dev.faultline.adapters.clientmetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.application.access.port.out.ClientMetadataDocuments.Freshness;
import dev.faultline.domain.access.ClientIdMetadataDocument;
import dev.faultline.domain.access.ClientRegistrationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Translates a response body and its Cache-Control header into the port's terms. */
final class DocumentReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The body is not a JSON object of the expected member types; the message says which. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private DocumentReader() {
    }

    static ClientIdMetadataDocument read(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Malformed("the document is not valid JSON");
        } catch (java.io.IOException e) {
            throw new Malformed("the document could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("the document is not a JSON object");
        }
        ClientRegistrationRequest registration = new ClientRegistrationRequest(text(root, "client_name"),
                strings(root, "redirect_uris"), strings(root, "grant_types"), strings(root, "response_types"),
                text(root, "token_endpoint_auth_method"), text(root, "scope"), text(root, "client_uri"),
                text(root, "logo_uri"), text(root, "application_type"));
        return new ClientIdMetadataDocument(text(root, "client_id"), registration, root.has("client_secret"),
                root.has("client_secret_expires_at"), jwkMemberNames(root));
    }

    static Freshness freshness(String cacheControl) {
        if (cacheControl == null) {
            return Freshness.UNSPECIFIED;
        }
        Optional<Duration> maxAge = Optional.empty();
        boolean noStore = false;
        for (String raw : cacheControl.split(",")) {
            String directive = raw.strip().toLowerCase(Locale.ROOT);
            if (directive.equals("no-store") || directive.equals("no-cache")) {
                noStore = true;
            } else if (directive.startsWith("max-age=")) {
                String value = directive.substring("max-age=".length()).replace("\"", "");
                if (value.matches("[0-9]{1,10}")) {
                    maxAge = Optional.of(Duration.ofSeconds(Long.parseLong(value)));
                }
            }
        }
        return new Freshness(maxAge, noStore);
    }

    private static String text(JsonNode root, String field) throws Malformed {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new Malformed(field + " must be a string");
        }
        return node.textValue();
    }

    private static List<String> strings(JsonNode root, String field) throws Malformed {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Malformed(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new Malformed(field + " must be an array of strings");
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static Set<String> jwkMemberNames(JsonNode root) throws Malformed {
        JsonNode jwks = root.get("jwks");
        if (jwks == null || jwks.isNull()) {
            return Set.of();
        }
        JsonNode keys = jwks.get("keys");
        if (!jwks.isObject() || keys == null || !keys.isArray()) {
            throw new Malformed("jwks must be a JSON Web Key Set (an object with a keys array)");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode key : keys) {
            if (!key.isObject()) {
                throw new Malformed("every key in jwks must be an object");
            }
            for (Iterator<String> it = key.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return names;
    }
}
