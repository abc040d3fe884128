package dev.faultline.bootstrap.cli;

import com.codahale.metrics.MetricRegistry;
import dev.faultline.bootstrap.purge.PurgeJob;
import dev.faultline.bootstrap.wiring.Faultline;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;

/** {@code purge config.yml}: runs the scheduled purge once now, unless another instance is purging. */
public final class PurgeCommand extends FaultlineCommand {

    public PurgeCommand() {
        super("purge", "Purge expired codes, abandoned clients, ended token chains and personal tokens once");
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) {
        PurgeJob job = new PurgeJob(faultline.exclusiveJobs(), faultline.purgeSteps(), new MetricRegistry(),
                faultline.clock());
        Optional<Map<String, Long>> counts = job.runOnce();
        if (counts.isEmpty()) {
            out.println("Another Faultline instance is purging right now; nothing done.");
            return;
        }
        StringBuilder report = new StringBuilder("Purged:");
        counts.get().forEach((kind, count) -> report.append(' ').append(kind).append('=').append(count));
        out.println(report);
    }
}
