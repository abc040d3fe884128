package dev.faultline.bootstrap.cli;

import dev.faultline.bootstrap.config.FaultlineConfiguration;
import dev.faultline.bootstrap.database.DatabaseInUse;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code server config.yml}, Dropwizard's server command, except that a second start on the data directory of a
 * running Faultline is refused in one line (and exit code 1) instead of a stack trace; it changes nothing.
 */
public final class FaultlineServerCommand extends ServerCommand<FaultlineConfiguration> {

    public FaultlineServerCommand(Application<FaultlineConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseInUse inUse) {
                cli.getStdErr().println("error: " + inUse.getMessage());
                return;
            }
        }
        super.onError(cli, namespace, e);
    }
}
