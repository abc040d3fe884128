package dev.faultline.bootstrap.config;

import java.nio.file.Path;

/**
 * Where the {@code demo} command leaves the demo account's login (e-mail and generated password, owner-only
 * file permissions) so that every start of a demo installation can print it. Only demo data has one.
 */
public final class DemoLoginFile {
    private DemoLoginFile() {
    }

    public static Path location(FaultlineConfiguration configuration) {
        Path data = Path.of(configuration.getDatabase().getEmbeddedDataDirectory()).toAbsolutePath().normalize();
        return data.resolveSibling("demo-login.txt");
    }
}
