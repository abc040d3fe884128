package dev.faultline.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server at its own address survives its port being taken between picking and binding: the first port offered
 * here is held by another socket for the whole test, as another build on the machine might have taken it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TestFaultlineTest {
    private static final ServerSocket TAKEN = listening();
    private static final AtomicInteger PICKS = new AtomicInteger();
    static final DropwizardAppExtension<FaultlineConfiguration> APP = TestFaultline.serverAtItsOwnAddress(
            () -> PICKS.getAndIncrement() == 0 ? TAKEN.getLocalPort() : TestFaultline.freePort());

    @Test
    void a_port_taken_before_the_server_binds_it_is_replaced_by_another_and_the_base_url_follows() {
        assertThat(PICKS.get()).as("ports picked").isEqualTo(2);
        assertThat(APP.getLocalPort()).isNotEqualTo(TAKEN.getLocalPort());
        assertThat(APP.getConfiguration().getPublicBaseUrl()).isEqualTo("http://localhost:" + APP.getLocalPort());
    }

    @AfterAll
    static void releaseThePort() throws IOException {
        TAKEN.close();
    }

    private static ServerSocket listening() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
