package dev.faultline.adapters.ingest.protocol;

import static dev.faultline.adapters.ingest.protocol.SentryAuthentication.Form.DSN;
import static dev.faultline.adapters.ingest.protocol.SentryAuthentication.Form.HEADER;
import static dev.faultline.adapters.ingest.protocol.SentryAuthentication.Form.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.adapters.ingest.protocol.SentryAuthentication.Authenticated;
import dev.faultline.adapters.ingest.protocol.SentryAuthentication.Outcome;
import dev.faultline.adapters.ingest.protocol.SentryAuthentication.Refused;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentryAuthenticationTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String OTHER = "fedcba9876543210fedcba9876543210";
    private static final String DSN_1 = "https://" + KEY + "@faultline.example/7";

    @Test
    void the_query_string_carries_the_key_among_the_other_sentry_parameters() {
        assertThat(auth("7", "sentry_version=7&sentry_key=" + KEY + "&sentry_client=sentry.javascript.node%2F11.12.0",
                null, null)).isEqualTo(ok(QUERY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sentry sentry_version=7,sentry_client=sentry.java/8.64.0,sentry_key=" + KEY,
        "Sentry sentry_key=" + KEY + ", sentry_version=7, sentry_client=sentry.python/1.9.10",
        "Sentry  sentry_timestamp=1796329741.127 ,  sentry_key = " + KEY + " , sentry_secret=s3cr3t",
        "sentry sentry_key=\"" + KEY + "\"",
        "sentry_key=" + KEY,
        "Sentry sentry_key=" + "0123456789ABCDEF0123456789ABCDEF"})
    void theHeaderIsReadWithOrWithoutSpacesInAnyOrderIgnoringSecretAndTimestamp(String header) {
        assertThat(auth("7", null, header, null)).isEqualTo(ok(HEADER));
    }

    @Test
    void the_envelope_dsn_authenticates_alone_and_its_secret_is_ignored() {
        assertThat(auth("7", null, null, DSN_1)).isEqualTo(ok(DSN));
        assertThat(auth("7", null, null, "https://" + KEY + ":deprecated-secret@faultline.example/7")).isEqualTo(ok(DSN));
        assertThat(auth("7", null, null, "https://" + KEY + ":@faultline.example/7")).isEqualTo(ok(DSN));
    }

    @Test
    void forms_that_agree_are_all_accepted() {
        assertThat(auth("7", "sentry_key=" + KEY, "Sentry sentry_key=" + KEY, DSN_1)).isEqualTo(ok(QUERY, HEADER, DSN));
    }

    @Test
    void forms_that_disagree_are_refused() {
        assertThat(auth("7", "sentry_key=" + KEY, "Sentry sentry_key=" + OTHER, null)).isEqualTo(refused(
                "the sentry_key in the X-Sentry-Auth header does not match the one in the query string"));
        assertThat(auth("7", null, "Sentry sentry_key=" + KEY, "https://" + OTHER + "@faultline.example/7"))
                .isEqualTo(refused("the sentry_key in the envelope header \"dsn\" does not match the one in the"
                        + " X-Sentry-Auth header"));
        assertThat(auth("7", "sentry_key=" + KEY + "&sentry_key=" + OTHER, null, null))
                .isEqualTo(refused("the query string has two different sentry_key values"));
    }

    @Test
    void a_dsn_for_another_project_than_the_url_is_refused() {
        assertThat(auth("8", null, null, DSN_1))
                .isEqualTo(refused("the envelope header \"dsn\" is for project 7, not for project 8 of the URL"));
    }

    @Test
    void no_key_at_all_is_refused() {
        String reason = "no sentry_key: send it in the query string, the X-Sentry-Auth header or the envelope"
                + " header \"dsn\"";
        assertThat(auth("7", null, null, null)).isEqualTo(refused(reason));
        assertThat(auth("7", "sentry_version=7&sentry_key=", "Sentry sentry_version=7", null)).isEqualTo(refused(reason));
        assertThat(((Refused) auth("7", null, null, null)).refusal().status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "abc", "-1", "1.5", "99999999999999999999", "7 "})
    void a_project_id_that_is_not_a_positive_number_is_refused(String path) {
        assertThat(auth(path, "sentry_key=" + KEY, null, null))
                .isEqualTo(refused("the project id in the URL must be a positive number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a dsn", "https://faultline.example/7", "https://" + KEY + "@faultline.example/",
        "https://" + KEY + "@faultline.example/seven", "://" + KEY + "@x/7", "https://" + KEY + "@/7"})
    void anEnvelopeDsnThatIsNotADsnIsRefused(String dsn) {
        assertThat(auth("7", null, null, dsn)).isEqualTo(refused("the envelope header \"dsn\" is not a valid DSN"));
    }

    @Test
    void a_key_that_cannot_be_a_key_is_refused() {
        assertThat(auth("7", "sentry_key=abc%0D%0AX-Injected:1", null, null))
                .isEqualTo(refused("the sentry_key in the query string is not a valid public key"));
    }

    @Test
    void the_dsn_keeps_its_path_prefix_and_port() {
        assertThat(Dsn.parse("https://" + KEY + "@example.com:8443/faultline/42/")).contains(new Dsn("https",
                new PublicKey(KEY), "example.com:8443", "/faultline", new IngestProjectId(42)));
    }

    @Test
    void random_header_values_never_throw() {
        Random random = new Random(7);
        String alphabet = "Sentry_key=,; \"\t%:/@\r\n0123456789abcdefXYZ\u0000\u00e9";
        for (int i = 0; i < 20_000; i++) {
            String query = randomText(random, alphabet);
            String header = randomText(random, alphabet);
            String dsn = randomText(random, alphabet);
            Outcome outcome = auth(randomText(random, "0123456789a"), query, header, i % 2 == 0 ? dsn : null);
            assertThat(outcome).isNotNull();
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(40); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Outcome auth(String path, String query, String header, String dsn) {
        return SentryAuthentication.authenticate(path, query, header, Optional.ofNullable(dsn));
    }

    private static Authenticated ok(SentryAuthentication.Form... forms) {
        return new Authenticated(new PublicKey(KEY), new IngestProjectId(7), List.of(forms));
    }

    private static Refused refused(String reason) {
        return new Refused(new Refusal.Forbidden(reason));
    }
}
