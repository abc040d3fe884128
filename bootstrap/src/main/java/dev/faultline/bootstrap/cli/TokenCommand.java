package dev.faultline.bootstrap.cli;

import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.account.port.in.FindUserByEmail;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.account.EmailAddress;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code token create --email E --title T [--scope "mcp:read mcp:write"] [--expires-in-days N] config.yml}: a
 * personal access token for scripts and clients that cannot do OAuth, printed once (only its hash is kept).
 */
public final class TokenCommand extends FaultlineCommand {
    private EmailAddress owner;
    private PersonalTokenTitle title;
    private Scopes scopes;
    private Optional<Duration> lifetime;

    public TokenCommand() {
        super("token", "Personal access tokens: "
                + "'token create --email E --title T [--scope \"mcp:read mcp:write\"] [--expires-in-days N] config.yml'");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create").help("what to do: create");
        subparser.addArgument("--email").required(true).help("e-mail address of the token's owner");
        subparser.addArgument("--title").required(true).help("what the token is for, e.g. \"CI triage bot\"");
        subparser.addArgument("--scope").setDefault("mcp:read").help("space-separated scopes (default: mcp:read)");
        subparser.addArgument("--expires-in-days").dest("days").type(Integer.class)
                .help("days until the token stops working (default: never)");
        super.configure(subparser);
    }

    @Override
    protected void validate(Namespace namespace) {
        owner = EmailAddress.of(namespace.getString("email"));
        title = PersonalTokenTitle.of(namespace.getString("title"));
        scopes = Scopes.parse(namespace.getString("scope"), Scopes.READ_ONLY);
        Integer days = namespace.getInt("days");
        if (days != null && (days < 1 || days > 3650)) {
            throw new CommandFailure("--expires-in-days must be between 1 and 3650, not " + days);
        }
        lifetime = Optional.ofNullable(days).map(Duration::ofDays);
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) {
        FindUserByEmail.Found found = faultline.account().findUserByEmail().findUserByEmail(owner)
                .orElseThrow(() -> new CommandFailure("no user with e-mail " + owner.value()));
        Optional<Instant> expiresAt = lifetime.map(faultline.clock().instant()::plus);
        CreatePersonalToken.Created created = faultline.personalTokens().create().create(
                new CreatePersonalToken.Command(found.id(), title, scopes, expiresAt));
        out.println("Created personal token \"" + created.summary().title() + "\" for " + owner.value()
                + " with " + scopes.asString() + expiresAt.map(at -> ", expiring " + at).orElse(", not expiring") + ".");
        out.println("Token (shown once): " + created.token());
    }
}
