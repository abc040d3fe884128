package dev.faultline.bootstrap.cli;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.domain.shared.InvalidValue;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command that works on Faultline's data: it opens Faultline (database started and migrated), does its
 * work, prints what it did, and closes. Bad input ends with a one-line message and a non-zero exit; since
 * every command validates before it writes and writes in one unit of work, nothing is changed then.
 */
public abstract class FaultlineCommand extends ConfiguredCommand<FaultlineConfiguration> {

    protected FaultlineCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected final void run(Bootstrap<FaultlineConfiguration> bootstrap, Namespace namespace,
                             FaultlineConfiguration configuration) throws Exception {
        validate(namespace);
        try (Faultline faultline = Faultline.open(configuration, new MetricRegistry())) {
            execute(faultline, namespace, System.out);
        }
    }

    /** Checks the arguments before anything is started; throw {@link CommandFailure} to refuse them. */
    protected void validate(Namespace namespace) {
    }

    protected abstract void execute(Faultline faultline, Namespace namespace, PrintStream out) throws Exception;

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandFailure || e instanceof InvalidValue
                || e instanceof dev.faultline.bootstrap.wiring.KeyEncryptionKeySource.Refused) {
            cli.getStdErr().println("error: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
