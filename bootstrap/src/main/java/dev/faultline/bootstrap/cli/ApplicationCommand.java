package dev.faultline.bootstrap.cli;

import dev.faultline.application.account.port.in.FindUserByEmail;
import dev.faultline.application.tracker.port.in.CreateApplication;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Platform;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code application create --name N --slug S --platform P --owner EMAIL config.yml}. */
public final class ApplicationCommand extends FaultlineCommand {
    private EmailAddress owner;
    private String name;
    private ApplicationSlug slug;
    private Platform platform;

    public ApplicationCommand() {
        super("application", "Manage tracked applications: "
                + "'application create --name N --slug S --platform P --owner EMAIL config.yml'");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create").help("what to do: create");
        subparser.addArgument("--name").required(true).help("display name, e.g. \"Checkout API\"");
        subparser.addArgument("--slug").required(true).help("short unique name used in links, e.g. checkout-api");
        subparser.addArgument("--platform").required(true).help("e.g. java, android, python, javascript");
        subparser.addArgument("--owner").required(true).help("e-mail address of the existing user who will own it");
        super.configure(subparser);
    }

    @Override
    protected void validate(Namespace namespace) {
        owner = EmailAddress.of(namespace.getString("owner"));
        name = namespace.getString("name");
        slug = new ApplicationSlug(namespace.getString("slug"));
        platform = new Platform(namespace.getString("platform"));
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) {
        FindUserByEmail.Found found = faultline.account().findUserByEmail().findUserByEmail(owner)
                .orElseThrow(() -> new CommandFailure("no user with e-mail " + owner.value()
                        + "; create one first with 'user create'"));
        Application application = faultline.tracker().createApplication().createApplication(
                new CreateApplication.Command(Actor.person(found.id()), name, slug, platform)).fold(
                        refused -> {
                            throw new IllegalStateException("a person acting on the command line may do anything, "
                                    + "but was refused " + refused.required());
                        },
                        CreateApplication.Outcome.Created::application,
                        taken -> {
                            throw new CommandFailure(
                                    "the slug \"" + taken.slug().value() + "\" is taken by another application");
                        },
                        unknown -> {
                            throw new CommandFailure("no user with e-mail " + owner.value());
                        });
        out.println("Created application \"" + application.name() + "\" (" + application.slug().value()
                + ", " + application.platform() + ") owned by " + found.email().value() + ".");
    }
}
