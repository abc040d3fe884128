package dev.faultline.bootstrap.cli;

import dev.faultline.application.intake.port.in.CreateIngestKey;
import dev.faultline.application.intake.port.in.DeleteIngestKey;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.in.Requester;
import dev.faultline.application.intake.port.in.SetIngestKeyEnabled;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.tracker.ApplicationReference;
import java.io.PrintStream;
import java.util.OptionalInt;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code key create|list|disable|enable|delete --application SLUG ...}: an application's ingest keys, on the
 * operator's authority. The keys are public by design (they ship inside monitored applications), so {@code list}
 * prints them in full, with their DSNs.
 */
public final class KeyCommand extends FaultlineCommand {
    private String action;
    private ApplicationReference application;
    private IngestKeyId keyId;
    private CreateIngestKey.Command create;

    public KeyCommand() {
        super("key", "Manage an application's ingest keys (its DSNs): "
                + "'key create --application SLUG [--label L] [--rate-limit N] config.yml', "
                + "'key list --application SLUG config.yml', "
                + "'key disable|enable|delete --application SLUG --key ID config.yml'");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create", "list", "disable", "enable", "delete")
                .help("what to do: create, list, disable, enable or delete");
        subparser.addArgument("--application").required(true).help("the application's slug (or id)");
        subparser.addArgument("--label").setDefault("CLI").help("create: a name for the key, e.g. production");
        subparser.addArgument("--rate-limit").type(Integer.class)
                .help("create: at most this many events per minute through this key (default: no limit)");
        subparser.addArgument("--key").help("disable, enable, delete: the key's id, as 'key list' prints it");
        super.configure(subparser);
    }

    @Override
    protected void validate(Namespace namespace) {
        action = namespace.getString("action");
        application = ApplicationReference.parse(namespace.getString("application"));
        if (action.equals("create")) {
            Integer limit = namespace.getInt("rate_limit");
            create = new CreateIngestKey.Command(Requester.operator(), application, namespace.getString("label"),
                    limit == null ? OptionalInt.empty() : OptionalInt.of(limit));
        } else if (!action.equals("list")) {
            String key = namespace.getString("key");
            if (key == null) {
                throw new CommandFailure("'key " + action + "' needs --key ID (see 'key list')");
            }
            try {
                keyId = new IngestKeyId(UUID.fromString(key.strip()));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("--key \"" + key + "\" is not a key id (a UUID, as 'key list' prints it)");
            }
        }
    }

    @Override
    protected void execute(Faultline faultline, Namespace namespace, PrintStream out) {
        switch (action) {
            case "create" -> create(faultline, out);
            case "list" -> list(faultline, out);
            case "delete" -> delete(faultline, out);
            default -> setEnabled(faultline, action.equals("enable"), out);
        }
    }

    private void create(Faultline faultline, PrintStream out) {
        out.println(faultline.intake().createIngestKey().createIngestKey(create).<String>fold(
                refused -> operatorRefused(),
                created -> "Created key " + created.key().id() + " (\"" + created.key().label() + "\") for "
                        + application + ".\nDSN: " + created.dsn(),
                this::noApplication,
                notOwner -> operatorRefused(),
                tooMany -> {
                    throw new CommandFailure(application + " has " + tooMany.max()
                            + " keys already, the most allowed (ingest.maxKeysPerApplication); delete one first");
                }));
    }

    private void list(Faultline faultline, PrintStream out) {
        GetIngestSetup.IngestSetup setup = faultline.intake().getIngestSetup().getIngestSetup(
                new GetIngestSetup.Command(Requester.operator(), application)).fold(
                        refused -> operatorRefused(), GetIngestSetup.Outcome.Found::setup, this::noApplication);
        out.println("Application \"" + setup.application().name() + "\" (" + setup.application().slug().value()
                + "), ingest id " + setup.ingestId() + ", envelope endpoint " + setup.envelopeUrl());
        if (setup.keys().isEmpty()) {
            out.println("No keys: SDKs cannot report to it. Create one with 'key create'.");
        }
        for (GetIngestSetup.KeyDsn entry : setup.keys()) {
            IngestKey key = entry.key();
            out.println(key.id() + "  \"" + key.label() + "\"  " + (key.enabled() ? "enabled" : "disabled")
                    + "  limit " + (key.eventsPerMinute().isPresent()
                            ? key.eventsPerMinute().getAsInt() + "/min" : "none")
                    + "  created " + key.createdAt()
                    + "  last used " + key.lastUsedAt().map(Object::toString).orElse("never")
                    + "\n    DSN " + entry.dsn());
        }
    }

    private void setEnabled(Faultline faultline, boolean enabled, PrintStream out) {
        out.println(faultline.intake().setIngestKeyEnabled().setIngestKeyEnabled(
                new SetIngestKeyEnabled.Command(Requester.operator(), application, keyId, enabled)).<String>fold(
                        refused -> operatorRefused(),
                        changed -> (enabled ? "Enabled" : "Disabled") + " key " + keyId + " (\""
                                + changed.key().label() + "\") of " + application + ".",
                        this::noApplication,
                        notOwner -> operatorRefused(),
                        this::noKey));
    }

    private void delete(Faultline faultline, PrintStream out) {
        out.println(faultline.intake().deleteIngestKey().deleteIngestKey(
                new DeleteIngestKey.Command(Requester.operator(), application, keyId)).<String>fold(
                        refused -> operatorRefused(),
                        deleted -> "Deleted key " + keyId + " of " + application
                                + "; SDKs still using its DSN are refused from now on.",
                        this::noApplication,
                        notOwner -> operatorRefused(),
                        this::noKey));
    }

    private <T> T noApplication(Object missing) {
        throw new CommandFailure("no application \"" + application + "\"");
    }

    private <T> T noKey(Object missing) {
        throw new CommandFailure(application + " has no key " + keyId + " (see 'key list')");
    }

    private static <T> T operatorRefused() {
        throw new IllegalStateException("the operator may manage every application's keys, but was refused");
    }
}
