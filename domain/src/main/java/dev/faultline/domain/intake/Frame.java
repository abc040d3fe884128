package dev.faultline.domain.intake;

import dev.faultline.domain.shared.InvalidValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One stack frame as an SDK reports it. Module (the JVM class, the JS or Python module) or file says where,
 * function says what; line and column are for reading only and never group. {@code vars} are the frame's local
 * variables, already scrubbed of secrets, each rendered as text; {@code preContext} and {@code postContext} the
 * source lines just before and after {@code contextLine}, nearest last and first. A frame names at least a place
 * or a function.
 */
public record Frame(
        Optional<String> module,
        Optional<String> absPath,
        Optional<String> filename,
        Optional<String> function,
        Optional<String> rawFunction,
        OptionalInt lineno,
        OptionalInt colno,
        InApp inApp,
        Optional<String> contextLine,
        List<String> preContext,
        List<String> postContext,
        SortedMap<String, String> vars) {

    public static final int MAX_LENGTH = 1024;
    public static final int MAX_VARS = 50;
    public static final int MAX_VAR_NAME_LENGTH = 200;
    public static final int MAX_VAR_LENGTH = 1024;
    /** Source lines kept before and after the context line: the nearest ones. */
    public static final int MAX_CONTEXT_LINES = 5;

    public Frame {
        module = Checks.line(module, "frame.module", MAX_LENGTH);
        absPath = Checks.line(absPath, "frame.abs_path", MAX_LENGTH);
        filename = Checks.line(filename, "frame.filename", MAX_LENGTH);
        function = Checks.line(function, "frame.function", MAX_LENGTH);
        rawFunction = Checks.line(rawFunction, "frame.raw_function", MAX_LENGTH);
        InvalidValue.require(module.isPresent() || absPath.isPresent() || filename.isPresent()
                || function.isPresent() || rawFunction.isPresent(), "frame",
                "a stack frame needs a module, a path, a file name or a function");
        Objects.requireNonNull(lineno, "frame.lineno");
        Objects.requireNonNull(colno, "frame.colno");
        InvalidValue.require(lineno.orElse(0) >= 0 && colno.orElse(0) >= 0, "frame",
                "line and column numbers are not negative");
        Objects.requireNonNull(inApp, "frame.in_app");
        contextLine = Checks.text(contextLine, "frame.context_line", MAX_LENGTH);
        preContext = contextLines(preContext, "frame.pre_context");
        postContext = contextLines(postContext, "frame.post_context");
        vars = Checks.map(vars, "frame.vars", MAX_VARS, MAX_VAR_NAME_LENGTH, MAX_VAR_LENGTH);
    }

    /** A frame without source lines around its context line. */
    public Frame(Optional<String> module, Optional<String> absPath, Optional<String> filename,
            Optional<String> function, Optional<String> rawFunction, OptionalInt lineno, OptionalInt colno,
            InApp inApp, Optional<String> contextLine, SortedMap<String, String> vars) {
        this(module, absPath, filename, function, rawFunction, lineno, colno, inApp, contextLine, List.of(),
                List.of(), vars);
    }

    private static List<String> contextLines(List<String> lines, String field) {
        List<String> copy = List.copyOf(Objects.requireNonNull(lines, field));
        InvalidValue.require(copy.size() <= MAX_CONTEXT_LINES, field,
                field + " has at most " + MAX_CONTEXT_LINES + " lines, not " + copy.size());
        copy.forEach(line -> {
            Checks.text(line, field, MAX_LENGTH);
            InvalidValue.require(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, field,
                    field + " holds single lines");
        });
        return copy;
    }

    /** A frame with just a place and a function, for tests and simple callers. */
    public static Frame of(String module, String function) {
        return new Frame(Optional.ofNullable(module), Optional.empty(), Optional.empty(),
                Optional.ofNullable(function), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                InApp.UNKNOWN, Optional.empty(), new TreeMap<>(Map.of()));
    }

    public Frame withInApp(InApp flag) {
        return new Frame(module, absPath, filename, function, rawFunction, lineno, colno, flag, contextLine,
                preContext, postContext, vars);
    }

    public Frame withLines(OptionalInt line, OptionalInt column) {
        return new Frame(module, absPath, filename, function, rawFunction, line, column, inApp, contextLine,
                preContext, postContext, vars);
    }
}
