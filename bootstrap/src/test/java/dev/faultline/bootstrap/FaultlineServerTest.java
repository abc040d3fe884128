package dev.faultline.bootstrap;

import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class FaultlineServerTest {
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.server();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reports_healthy_with_the_database_on_the_admin_port() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + APP.getAdminPort() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":{\"healthy\":true", "PostgreSQL 17");
    }

    @Test
    void migrates_the_schema_at_start() {
        Faultline faultline = ((FaultlineApplication) APP.getApplication()).faultline();
        int users = faultline.database().jdbi().withHandle(h ->
                h.createQuery("SELECT count(*) FROM users").mapTo(Integer.class).one());
        assertThat(users).isZero();
    }
}
