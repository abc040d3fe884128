package dev.faultline.bootstrap.cli;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.bootstrap.wiring.GeneratedPasswords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code user create --email E --name N [--password-stdin] config.yml}. Without {@code --password-stdin} a
 * strong password is generated and printed once; a password is never taken as an argument, where it would
 * show in the process list and the shell history.
 */
public final class UserCommand extends FaultlineCommand {
    private CreateUser.Command command;
    private boolean generated;

    public UserCommand() {
        super("user", "Manage people: 'user create --email E --name N [--password-stdin] config.yml'");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create").help("what to do: create");
        subparser.addArgument("--email").required(true).help("e-mail address (the sign-in name)");
        subparser.addArgument("--name").required(true).help("display name");
        subparser.addArgument("--password-stdin").dest("passwordStdin").action(Arguments.storeTrue())
                .help("read the password (at least 12 characters) from the first line of standard input");
        super.configure(subparser);
    }

    @Override
    protected void validate(Namespace namespace) {
        String password;
        if (namespace.getBoolean("passwordStdin")) {
            password = readPassword();
        } else {
            password = GeneratedPasswords.generate();
            generated = true;
        }
        command = CreateUser.Command.of(namespace.getString("email"), namespace.getString("name"), password);
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) {
        CreateUser.Outcome.Created created = faultline.account().createUser().createUser(command).fold(
                user -> user,
                taken -> {
                    throw new CommandFailure("a user with e-mail " + taken.email().value() + " exists already");
                });
        out.println("Created user " + created.email().value() + " (id " + created.userId() + ").");
        if (generated) {
            out.println("Password (shown once): " + command.password());
        }
    }

    private static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CommandFailure("--password-stdin: no password on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new CommandFailure("--password-stdin: could not read standard input: " + e.getMessage());
        }
    }
}
