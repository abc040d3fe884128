package dev.faultline.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.domain.intake.RetentionLimits;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/**
 * The config.yml in the repository (what {@code ./faultline-demo} runs) loads and validates as the server loads
 * it, and every default it writes out matches the documented one.
 */
class ShippedConfigTest {
    private static final Path SHIPPED = Path.of(System.getProperty("basedir", "bootstrap")).resolve("../config.yml");

    private static FaultlineConfiguration load() throws Exception {
        return load(SHIPPED);
    }

    private static FaultlineConfiguration load(Path file) throws Exception {
        ObjectMapper mapper = FaultlineApplication.readsConfigurationStrictly(Jackson.newObjectMapper());
        YamlConfigurationFactory<FaultlineConfiguration> factory = new YamlConfigurationFactory<>(
                FaultlineConfiguration.class, Validators.newValidator(), mapper, "dw");
        // As FaultlineApplication reads it (nested ${...} allowed), but with no variable set, whatever this
        // machine's environment says, so every default applies.
        StringSubstitutor noVariables = new StringSubstitutor(variable -> null);
        noVariables.setEnableSubstitutionInVariables(true);
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), noVariables),
                file.toString());
    }

    @Test
    void a_section_written_twice_is_refused_rather_than_replacing_the_first() throws Exception {
        Path twice = Files.createTempFile("faultline-config", ".yml");
        Files.writeString(twice, Files.readString(SHIPPED) + "\ningest:\n  maxKeysPerApplication: 5\n");

        assertThatThrownBy(() -> load(twice)).hasMessageContaining("Duplicate field 'ingest'");
        Files.delete(twice);
    }

    @Test
    void loads_validates_and_has_the_documented_defaults() throws Exception {
        assertThat(Files.exists(SHIPPED)).as(SHIPPED.toAbsolutePath().toString()).isTrue();

        FaultlineConfiguration configuration = load();

        assertThat(configuration.getPublicBaseUrl()).isEqualTo("http://localhost:8080");
        RegistrationSettings registration = configuration.getRegistration();
        assertThat(registration.getMaxBodySize().toBytes()).isEqualTo(16 * 1024);
        assertThat(registration.getPerAddress()).isEqualTo(20);
        assertThat(registration.getWindow().toJavaDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(registration.isTrustForwardedFor()).isFalse();
        AccessSettings access = configuration.getAccess();
        assertThat(access.getSecurityEventRetention().toJavaDuration()).isEqualTo(Duration.ofDays(90));
        assertThat(access.browserSessionLifetimes().idle()).isEqualTo(Duration.ofHours(12));
        assertThat(access.browserSessionLifetimes().absolute()).isEqualTo(Duration.ofDays(7));
        assertThat(access.getGrantLifetime().toJavaDuration()).isEqualTo(Duration.ofDays(90));
        assertThat(access.getKeyEncryptionKey()).as("empty: a generated key file").isEmpty();
        assertThat(access.isNativeSignatures()).isTrue();
        assertThat(configuration.getPurge().getBatchSize()).isEqualTo(500);
        assertThat(configuration.getPurge().retentionLimits()).isEqualTo(RetentionLimits.defaults());
        assertThat(RetentionLimits.defaults()).isEqualTo(new RetentionLimits(10_000, Duration.ofDays(90)));
        assertThat(configuration.getIngest().getPublicUrl()).as("empty: publicBaseUrl").isEmpty();
        assertThat(configuration.getIngest().baseUrl(configuration.getPublicBaseUrl()))
                .hasToString("http://localhost:8080");
        assertThat(configuration.getIngest().getMaxKeysPerApplication()).isEqualTo(20);
        assertThat(configuration.getIngest().getAcceptQueueSize()).isEqualTo(256);
        assertThat(configuration.getIngest().getIdleTimeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(30));
        DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();
        assertThat(server.getMaxThreads()).isEqualTo(256);
        assertThat(server.getMinThreads()).isEqualTo(8);
        assertThat(server.getIdleThreadTimeout().toJavaDuration()).isEqualTo(Duration.ofMinutes(1));
        HttpConnectorFactory connector = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        assertThat(connector.getAcceptQueueSize()).isEqualTo(256);
        assertThat(connector.getIdleTimeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(configuration.getDatabase().getUnavailableRetryAfter().toJavaDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(configuration.getTokenEndpoint().getMaxFormSize().toBytes()).isEqualTo(16 * 1024);
        assertThat(configuration.getPages().getMaxFormSize().toBytes()).isEqualTo(64 * 1024);
        McpSettings mcp = configuration.getMcp();
        assertThat(mcp.getMaxBodySize().toBytes()).isEqualTo(1024 * 1024);
        assertThat(mcp.getMaxBatchLength()).isEqualTo(10);
        assertThat(mcp.getMaxResponseSize().toBytes()).isEqualTo(4 * 1024 * 1024);
        SignInSettings signIn = configuration.getSignIn();
        assertThat(signIn.getMaxConcurrentPasswordChecks()).isZero();
        assertThat(signIn.passwordChecksAtOnce()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(signIn.getPasswordCheckWait().toJavaDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(signIn.getFailuresPerClientAddress()).isEqualTo(30);
        assertThat(signIn.getFailuresPerAccount()).isEqualTo(5);
        assertThat(signIn.getClientAddressWindow().toJavaDuration()).isEqualTo(Duration.ofMinutes(15));
        ClientMetadataSettings clientMetadata = configuration.getClientMetadata();
        assertThat(clientMetadata.isEnabled()).isTrue();
        assertThat(clientMetadata.getTimeout().toJavaDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(clientMetadata.getMaxDocumentSize().toBytes()).isEqualTo(5 * 1024);
        assertThat(clientMetadata.getMinCacheLifetime().toJavaDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(clientMetadata.getMaxCacheLifetime().toJavaDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(clientMetadata.getMaxCachedDocuments()).isEqualTo(1000);
        assertThat(clientMetadata.getTrustStore()).isEmpty();
        assertThat(clientMetadata.isAllowLoopbackForTests()).isFalse();
    }
}
