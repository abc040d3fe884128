package dev.faultline.adapters.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.adapters.mcp.McpTool;
import dev.faultline.adapters.mcp.ToolAnnotations;
import dev.faultline.adapters.mcp.ToolResult;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * What every Faultline tool does around its use case: checks the arguments for control characters
 * ({@link ArgumentText}) and against the input schema (types, ranges, formats, unknown fields), and turns a value
 * object's {@link InvalidValue} into an error result naming the argument. Whether the actor may call the tool is
 * the use case's to decide: a tool maps its {@code NotPermitted} outcome to {@link ToolResult#notPermitted}.
 */
abstract class FaultlineTool implements McpTool {
    static final ToolAnnotations CHANGES_STATE_IDEMPOTENTLY = new ToolAnnotations(false, false, true);
    static final ToolAnnotations ADDS = new ToolAnnotations(false, false, false);
    static final ToolAnnotations DELETES = new ToolAnnotations(false, true, true);
    /** In every write tool's description: every caller sees the tool, so the model must know what it takes. */
    static final String NEEDS_WRITE = "Needs the mcp:write permission: with a read-only connection the call is"
            + " refused with a request to authorize again, and your client will ask the person to grant write access"
            + " (a read-only personal access token cannot be widened; its owner creates one with write permission on"
            + " My Integrations).";

    private final String name;
    private final String title;
    private final String description;
    private final ObjectNode inputSchema;
    private final ObjectNode outputSchema;
    private final ToolAnnotations annotations;
    private final Permission requiredPermission;

    /** @param requiredPermission the {@code REQUIRES} of the use case the tool calls */
    FaultlineTool(String name, String title, String description, ObjectNode inputSchema, ObjectNode outputSchema,
            ToolAnnotations annotations, Permission requiredPermission) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.inputSchema = inputSchema;
        this.outputSchema = outputSchema;
        this.annotations = annotations;
        this.requiredPermission = requiredPermission;
    }

    /** Runs the use case on arguments that conform to the input schema. */
    abstract ToolResult run(Actor actor, Arguments arguments);

    @Override
    public final ToolResult call(Actor actor, JsonNode arguments) {
        JsonNode given = arguments == null || arguments.isNull() || arguments.isMissingNode()
                ? Schemas.JSON.objectNode() : arguments;
        List<String> problems = new ArrayList<>(ArgumentText.violations(given));
        problems.addAll(SchemaCheck.violations(inputSchema, given));
        if (!problems.isEmpty()) {
            return ToolResult.error("Invalid arguments for " + name + ": " + String.join("; ", problems)
                    + ". Nothing was done; see the tool's inputSchema.");
        }
        try {
            return run(actor, new Arguments((ObjectNode) given));
        } catch (InvalidValue e) {
            return ToolResult.error("Invalid argument \"" + e.field() + "\": " + e.getMessage()
                    + ". Nothing was done.");
        }
    }

    /** The use case refused the actor for want of {@code required}: the endpoint answers with the step-up. */
    final ToolResult notPermitted(Permission required) {
        return ToolResult.notPermitted(required, name + " needs the " + Scope.granting(required).wireName()
                + " scope, which this token does not have; authorize again asking for it.");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ObjectNode inputSchema() {
        return inputSchema.deepCopy();
    }

    @Override
    public final ObjectNode outputSchema() {
        return outputSchema.deepCopy();
    }

    @Override
    public final ToolAnnotations annotations() {
        return annotations;
    }

    @Override
    public final Permission requiredPermission() {
        return requiredPermission;
    }
}
