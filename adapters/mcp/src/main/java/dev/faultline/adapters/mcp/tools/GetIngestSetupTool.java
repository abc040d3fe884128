package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.InitSnippet;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code get_ingest_setup}: how to make an application's official Sentry SDK report to Faultline: the DSNs of its
 * enabled keys, its ingest id, the endpoints and the few lines of setup for its platform.
 */
final class GetIngestSetupTool extends FaultlineTool {
    private static final String APPLICATION = "application";

    GetIngestSetupTool(GetIngestSetup getIngestSetup) {
        super("get_ingest_setup", "Get an application's DSN and SDK setup",
                "Returns what an application's code needs to report crashes to Faultline with the official Sentry "
                        + "SDK: the DSNs of its enabled ingest keys (public by design; each lets an SDK report to "
                        + "this application and nothing more), its numeric ingest id, the envelope and store "
                        + "endpoints, and a minimal init snippet for its platform (Node, browser JavaScript, Java "
                        + "and other JVM languages, Python; otherwise where the DSN goes). Use it when adding crash "
                        + "reporting to a project. Keys are created and disabled by the application's owners on "
                        + "its settings page or with the 'key' command. " + ToolOutput.UNTRUSTED_HINT,
                Schemas.object().required(APPLICATION, Schemas.string("Application id (UUID) or slug, from "
                        + "list_applications.", 1, 64)).buildTopLevel(),
                Schemas.object()
                        .required("application", Schemas.object()
                                .required("id", Schemas.uuid(null))
                                .required("slug", Schemas.string(null))
                                .required("name", Schemas.string("Display name (user text)."))
                                .required("platform", Schemas.string(null))
                                .build())
                        .required("ingest_id", Schemas.integer("The DSN's project id.", 1, Long.MAX_VALUE))
                        .required("envelope_url", Schemas.string("Where current SDKs post (derived from the DSN)."))
                        .required("store_url", Schemas.string("Where SDKs older than envelopes post one event."))
                        .required("dsns", Schemas.arrayOf(Schemas.object()
                                .required("key_id", Schemas.uuid(null))
                                .required("label", Schemas.string("The owners' name for the key (user text)."))
                                .required("dsn", Schemas.string("Configure the SDK with this."))
                                .required("rate_limit_per_minute", Schemas.nullable(Schemas.integer(
                                        "Events per minute this key may send; null: no limit.", 1,
                                        IngestKey.MAX_EVENTS_PER_MINUTE)))
                                .build(), "The enabled keys, oldest first; empty: no SDK can report now."))
                        .required("snippet", Schemas.nullable(Schemas.object()
                                .required("language", Schemas.string("javascript, java, python or text."))
                                .required("install", Schemas.string("What to install."))
                                .required("code", Schemas.string("Initialises the SDK with the first DSN."))
                                .build()))
                        .required(ToolOutput.UNTRUSTED_FIELD, ToolOutput.untrustedSchema())
                        .buildTopLevel(),
                ToolAnnotations.READ, GetIngestSetup.REQUIRES);
        this.getIngestSetup = getIngestSetup;
    }

    private final GetIngestSetup getIngestSetup;

    @Override
    ToolResult run(Actor actor, Arguments arguments) {
        ApplicationReference application = ApplicationReference.parse(arguments.string(APPLICATION));
        return getIngestSetup.getIngestSetup(new GetIngestSetup.Command(actor, application)).fold(
                refused -> notPermitted(refused.required()),
                found -> found(found.setup()),
                notFound -> ToolResult.error(NotFound.application(arguments.string(APPLICATION))));
    }

    private static ToolResult found(GetIngestSetup.IngestSetup setup) {
        Application application = setup.application();
        ObjectNode content = Schemas.JSON.objectNode();
        ObjectNode app = content.putObject("application");
        app.put("id", application.id().toString());
        app.put("slug", application.slug().value());
        app.put("name", application.name());
        app.put("platform", application.platform().value());
        content.put("ingest_id", setup.ingestId().value());
        content.put("envelope_url", setup.envelopeUrl());
        content.put("store_url", setup.storeUrl());
        ArrayNode dsns = content.putArray("dsns");
        List<GetIngestSetup.KeyDsn> enabled = setup.enabledKeys();
        for (GetIngestSetup.KeyDsn entry : enabled) {
            ObjectNode dsn = dsns.addObject();
            dsn.put("key_id", entry.key().id().toString());
            dsn.put("label", entry.key().label());
            dsn.put("dsn", entry.dsn().toString());
            if (entry.key().eventsPerMinute().isPresent()) {
                dsn.put("rate_limit_per_minute", entry.key().eventsPerMinute().getAsInt());
            } else {
                dsn.putNull("rate_limit_per_minute");
            }
        }
        Optional<InitSnippet> snippet = setup.snippet();
        if (snippet.isPresent()) {
            ObjectNode json = content.putObject("snippet");
            json.put("language", snippet.get().language());
            json.put("install", snippet.get().install());
            json.put("code", snippet.get().code());
        } else {
            content.putNull("snippet");
        }
        List<String> untrusted = new ArrayList<>(List.of("application.name"));
        untrusted.add("dsns[].label");

        StringBuilder summary = new StringBuilder();
        summary.append("Application ").append(application.slug()).append(" (").append(application.platform())
                .append("), ingest id ").append(setup.ingestId()).append(".\nEnvelope endpoint: ")
                .append(setup.envelopeUrl()).append("\nStore endpoint: ").append(setup.storeUrl()).append('\n');
        if (enabled.isEmpty()) {
            summary.append("No enabled ingest key: no SDK can report to this application until an owner creates "
                    + "or enables one.");
        } else {
            summary.append("DSNs (enabled keys, oldest first):\n").append(enabled.stream()
                    .map(e -> "- " + e.dsn() + " (key " + e.key().id() + ")").collect(Collectors.joining("\n")));
            summary.append("\n\nInstall: ").append(snippet.get().install()).append("\nSetup (")
                    .append(snippet.get().language()).append("):\n").append(snippet.get().code());
        }
        String userText = "application name: " + application.name() + "\n" + enabled.stream()
                .map(e -> "key " + e.key().id() + " label: " + e.key().label()).collect(Collectors.joining("\n"));
        return ToolOutput.success(content, untrusted, summary.toString(), userText);
    }
}
