package dev.faultline.adapters.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.adapters.ingest.Normalisation.Reason;
import dev.faultline.domain.intake.Frame;
import dev.faultline.domain.intake.InApp;
import dev.faultline.domain.intake.Stacktrace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads {@code stacktrace.frames}: frames that name nothing are dropped, and an over-long stack keeps its first
 * and last halves (the middle goes, as Sentry does), so both the entry point and the crash site survive.
 */
final class StacktraceReader {
    private final Json json;
    private final Clean clean;
    private final SecretScrubber scrubber;
    private final Normalisation.Recorder recorder;

    StacktraceReader(Json json, Clean clean, SecretScrubber scrubber, Normalisation.Recorder recorder) {
        this.json = json;
        this.clean = clean;
        this.scrubber = scrubber;
        this.recorder = recorder;
    }

    Optional<Stacktrace> read(JsonNode owner) {
        Optional<JsonNode> stacktrace = json.object(owner, "stacktrace");
        if (stacktrace.isEmpty()) {
            return Optional.empty();
        }
        JsonNode frames = stacktrace.get().get("frames");
        if (Json.absent(frames)) {
            return Optional.empty();
        }
        if (!frames.isArray()) {
            recorder.add(Reason.WRONG_TYPE_DROPPED);
            return Optional.empty();
        }
        List<JsonNode> kept = new ArrayList<>();
        frames.forEach(kept::add);
        kept = withoutMiddle(kept);
        List<Frame> read = new ArrayList<>();
        for (JsonNode frame : kept) {
            if (!frame.isObject()) {
                recorder.add(frame.isNull() ? Reason.EMPTY_DROPPED : Reason.WRONG_TYPE_DROPPED);
                continue;
            }
            frame(frame).ifPresentOrElse(read::add, () -> recorder.add(Reason.EMPTY_DROPPED));
        }
        return read.isEmpty() ? Optional.empty() : Optional.of(new Stacktrace(read));
    }

    private List<JsonNode> withoutMiddle(List<JsonNode> frames) {
        int max = Stacktrace.MAX_FRAMES;
        if (frames.size() <= max) {
            return frames;
        }
        recorder.add(Reason.FRAMES_TRIMMED, frames.size() - max);
        List<JsonNode> kept = new ArrayList<>(frames.subList(0, max / 2));
        kept.addAll(frames.subList(frames.size() - (max - max / 2), frames.size()));
        return kept;
    }

    private Optional<Frame> frame(JsonNode frame) {
        Optional<String> module = line(frame, "module");
        Optional<String> absPath = line(frame, "abs_path");
        Optional<String> filename = line(frame, "filename");
        Optional<String> function = line(frame, "function");
        Optional<String> rawFunction = line(frame, "raw_function");
        if (module.isEmpty() && absPath.isEmpty() && filename.isEmpty() && function.isEmpty()
                && rawFunction.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt lineno = json.count(frame, "lineno");
        OptionalInt colno = json.count(frame, "colno");
        InApp inApp = InApp.of(json.bool(frame, "in_app").orElse(null));
        Optional<String> contextLine = clean.text(json.text(frame, "context_line"), Frame.MAX_LENGTH)
                .filter(s -> !s.isEmpty());
        return Optional.of(new Frame(module, absPath, filename, function, rawFunction, lineno, colno, inApp,
                contextLine, sourceLines(frame, "pre_context", true), sourceLines(frame, "post_context", false),
                vars(frame)));
    }

    /**
     * The source lines before ({@code nearestLast}) or after the context line: the {@value Frame#MAX_CONTEXT_LINES}
     * nearest to it are kept, each cut to one line of at most {@link Frame#MAX_LENGTH} characters; a {@code null}
     * line is a blank one (the line numbers around the crash must stay right).
     */
    private List<String> sourceLines(JsonNode frame, String field, boolean nearestLast) {
        JsonNode node = frame.get(field);
        if (Json.absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            recorder.add(Reason.WRONG_TYPE_DROPPED);
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode line : node) {
            String text = Json.absent(line) ? "" : json.text(line).orElse("");
            lines.add(clean.text(text.replace("\r", " ").replace("\n", " "), Frame.MAX_LENGTH));
        }
        int excess = lines.size() - Frame.MAX_CONTEXT_LINES;
        if (excess <= 0) {
            return lines;
        }
        recorder.add(Reason.ENTRIES_DROPPED, excess);
        return nearestLast ? lines.subList(excess, lines.size()) : lines.subList(0, Frame.MAX_CONTEXT_LINES);
    }

    private Optional<String> line(JsonNode frame, String field) {
        return clean.line(json.text(frame, field), Frame.MAX_LENGTH);
    }

    private TreeMap<String, String> vars(JsonNode frame) {
        TreeMap<String, String> vars = new TreeMap<>();
        Optional<JsonNode> object = json.object(frame, "vars");
        if (object.isEmpty()) {
            return vars;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.get().fields();
        int dropped = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<String> name = clean.line(Optional.of(field.getKey()), Frame.MAX_VAR_NAME_LENGTH);
            if (name.isEmpty()) {
                recorder.add(Reason.EMPTY_DROPPED);
            } else if (vars.size() >= Frame.MAX_VARS) {
                dropped++;
            } else {
                vars.put(name.get(), Rendered.of(scrubber.scrubEntry(field.getKey(), field.getValue()), clean,
                        Frame.MAX_VAR_LENGTH));
            }
        }
        recorder.add(Reason.ENTRIES_DROPPED, dropped);
        return vars;
    }
}
