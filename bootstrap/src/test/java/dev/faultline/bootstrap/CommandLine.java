package dev.faultline.bootstrap;

import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Runs Faultline's command line in-process, as {@code java -jar faultline.jar ...} would, capturing output. */
public final class CommandLine {
    private CommandLine() {
    }

    public static Result run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(stdout);
            FaultlineApplication application = new FaultlineApplication();
            Bootstrap<FaultlineConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Optional<Throwable> failure = new Cli(new JarLocation(FaultlineApplication.class), bootstrap, stdout, stderr)
                    .run(arguments);
            return new Result(failure.isEmpty(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(originalOut);
        }
    }

    /** {@code succeeded} is false exactly when {@code java -jar} would exit non-zero. */
    public record Result(boolean succeeded, String out, String err) {
    }
}
