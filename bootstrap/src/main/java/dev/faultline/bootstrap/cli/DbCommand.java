package dev.faultline.bootstrap.cli;

import dev.faultline.adapters.postgres.Database;
import dev.faultline.bootstrap.wiring.Faultline;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code db migrate}: brings the schema up to date (Faultline also does this at every start). */
public final class DbCommand extends FaultlineCommand {

    public DbCommand() {
        super("db", "Database maintenance: 'db migrate [config.yml]' applies pending schema migrations");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate").help("what to do: migrate");
        super.configure(subparser);
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) {
        String version = Database.flyway(faultline.database().dataSource()).info().current().getVersion().getVersion();
        out.println("Applied " + faultline.migrationsApplied() + " migration(s); the schema is at version " + version + ".");
    }
}
