package dev.faultline.bootstrap.cli;

import dev.faultline.application.tracker.port.in.GrantMembership;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Role;
import java.io.PrintStream;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code member add --application SLUG --email E [--role member|owner] config.yml}. */
public final class MemberCommand extends FaultlineCommand {
    private GrantMembership.Command command;

    public MemberCommand() {
        super("member", "Manage who sees an application: "
                + "'member add --application SLUG --email E [--role member|owner] config.yml'");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("add").help("what to do: add");
        subparser.addArgument("--application").required(true).help("the application's slug");
        subparser.addArgument("--email").required(true).help("e-mail address of an existing user");
        subparser.addArgument("--role").choices("member", "owner").setDefault("member")
                .help("member (default) or owner (may add members)");
        super.configure(subparser);
    }

    @Override
    protected void validate(Namespace namespace) {
        command = new GrantMembership.Command(new ApplicationSlug(namespace.getString("application")),
                EmailAddress.of(namespace.getString("email")),
                Role.valueOf(namespace.getString("role").toUpperCase(Locale.ROOT)));
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) {
        String granted = faultline.tracker().grantMembership().grantMembership(command).fold(
                membership -> command.email().value() + " is now a "
                        + membership.membership().role().name().toLowerCase(Locale.ROOT) + " of \""
                        + membership.application().name() + "\".",
                missing -> {
                    throw new CommandFailure("no application with slug \"" + missing.slug().value() + "\"");
                },
                missing -> {
                    throw new CommandFailure("no user with e-mail " + missing.email().value()
                            + "; create one first with 'user create'");
                },
                already -> {
                    throw new CommandFailure(already.email().value() + " is a member of \""
                            + already.application().name() + "\" already");
                });
        out.println(granted);
    }
}
