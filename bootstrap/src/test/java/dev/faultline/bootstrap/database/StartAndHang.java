package dev.faultline.bootstrap.database;

import java.nio.file.Path;

/** Run in a child JVM by {@link EmbeddedDatabaseTest}: starts the embedded database and waits to be killed. */
public final class StartAndHang {
    private StartAndHang() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase.start(Path.of(args[0]), 0);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
