package dev.faultline.bootstrap.cli;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.application.shared.StorageUnavailable;
import dev.faultline.bootstrap.database.DatabaseInUse;
import dev.faultline.bootstrap.database.EmbeddedDatabase;
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
 * Every command works next to a running server: it connects to that server's embedded PostgreSQL and
 * leaves it running. A database that cannot be reached is one line too.
 */
public abstract class FaultlineCommand extends ConfiguredCommand<FaultlineConfiguration> {

    protected FaultlineCommand(String name, String description) {
        super(name, description);
    }

    @Override
    protected final void run(Bootstrap<FaultlineConfiguration> bootstrap, Namespace namespace,
                             FaultlineConfiguration configuration) throws Exception {
        validate(namespace);
        // Next to a running server, its embedded database is used as it is and left running.
        try (Faultline faultline = Faultline.open(configuration, new MetricRegistry(),
                EmbeddedDatabase.Sharing.SHARE_A_RUNNING_ONE)) {
            execute(faultline, namespace, System.out);
        }
    }

    /** Checks the arguments before anything is started; throw {@link CommandFailure} to refuse them. */
    protected void validate(Namespace namespace) {
    }

    protected abstract void execute(Faultline faultline, Namespace namespace, PrintStream out) throws Exception;

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof CommandFailure || e instanceof InvalidValue || e instanceof DatabaseInUse
                || e instanceof dev.faultline.bootstrap.wiring.KeyEncryptionKeySource.Refused) {
            cli.getStdErr().println("error: " + e.getMessage());
        } else if (e instanceof StorageUnavailable) {
            cli.getStdErr().println("error: the database is unavailable, nothing was changed (" + e.getMessage() + ")");
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
