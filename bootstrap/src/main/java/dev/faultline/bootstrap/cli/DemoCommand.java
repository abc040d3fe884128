package dev.faultline.bootstrap.cli;

import dev.faultline.bootstrap.config.DemoLoginFile;
import dev.faultline.bootstrap.demo.DemoSeeder;
import dev.faultline.bootstrap.wiring.Faultline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code demo config.yml}: seeds the demo data once (a second run changes nothing) and keeps the demo login in
 * an owner-only file next to the data directory, so that every start of the demo can print it.
 */
public final class DemoCommand extends FaultlineCommand {

    public DemoCommand() {
        super("demo", "Seed demo data once: a demo user, two applications, ~50 issues with events and notes");
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) throws IOException {
        Optional<DemoSeeder.Seeded> seeded = new DemoSeeder(faultline).seed();
        if (seeded.isEmpty()) {
            out.println("Demo data is present already (" + DemoSeeder.DEMO_EMAIL + "); nothing changed.");
            return;
        }
        DemoSeeder.Seeded demo = seeded.get();
        String login = demo.email() + " / " + demo.password();
        writeOwnerOnly(DemoLoginFile.location(faultline.configuration()), login);
        out.println("Seeded " + demo.applications().size() + " applications with " + demo.issues() + " issues and "
                + demo.events() + " events.");
        out.println("Demo login: " + login);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
    }
}
