package dev.faultline.domain.intake;

import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Grouping v1 (reference/sentry-ingestion.md §3.3): an SDK's custom fingerprint, with {@code {{ default }}}
 * standing for the default lines; by default the exception chain by type and the in-app frames by place and
 * function (never line numbers), or a message event by its normalised message and stack. The lines are joined
 * into a canonical text that starts with {@code faultline-grouping:1}; its SHA-256 is the fingerprint.
 */
public final class GroupingPolicyV1 implements GroupingPolicy {
    public static final int VERSION = 1;
    static final String HEADER = "faultline-grouping:" + VERSION;
    private static final Pattern DEFAULT_ENTRY = Pattern.compile("^\\{\\{\\s*default\\s*\\}\\}$",
            Pattern.CASE_INSENSITIVE);
    private static final String NO_TITLE = "<no message>";
    private static final String NO_CULPRIT = "<unknown>";

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public Grouping group(SdkEvent event) {
        Analysis analysis = new Analysis(event);
        List<String> lines = customLines(event, analysis::defaultLines).orElseGet(analysis::defaultLines);
        String canonical = HEADER + "\n" + String.join("\n", lines);
        return new Grouping(VERSION, canonical, new Fingerprint(sha256(canonical)), analysis.title(),
                analysis.culprit());
    }

    /** Step 1: the SDK's fingerprint, if it sent a non-empty one. */
    private static Optional<List<String>> customLines(SdkEvent event, Supplier<List<String>> defaults) {
        if (event.fingerprint().isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        List<String> defaultLines = null;
        for (String entry : event.fingerprint()) {
            if (DEFAULT_ENTRY.matcher(entry.strip()).matches()) {
                if (defaultLines == null) {
                    defaultLines = defaults.get();
                }
                lines.addAll(defaultLines);
            } else {
                lines.add("fingerprint:" + entry);
            }
        }
        return Optional.of(lines);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Steps 0 and 2 for one event: its platform, chain, chosen stacks, in-app variant, and what they yield. */
    private static final class Analysis {
        private final SdkEvent event;
        private final String platform;
        private final PlatformFamily family;
        private final List<ExceptionValue> exceptions;
        private final boolean realChain;
        private final List<Optional<Stacktrace>> stacks;
        private final boolean appVariant;

        Analysis(SdkEvent event) {
            this.event = event;
            this.platform = PlatformFamily.platformOf(event);
            this.family = PlatformFamily.of(platform);
            this.exceptions = event.exceptions().stream().map(this::withBorrowedStack).toList();
            this.realChain = exceptions.stream().anyMatch(e -> !e.synthetic());
            this.stacks = realChain ? exceptions.stream().map(ExceptionValue::stacktrace).toList()
                    : List.of(messageStack());
            this.appVariant = stacks.stream().flatMap(Optional::stream).flatMap(s -> s.frames().stream())
                    .anyMatch(f -> InAppDefaults.isInApp(f, family));
        }

        /** An exception without a stack borrows its thread's, else the crashed or current thread's. */
        private ExceptionValue withBorrowedStack(ExceptionValue exception) {
            if (exception.stacktrace().isPresent()) {
                return exception;
            }
            Optional<SdkThread> thread = exception.threadId()
                    .flatMap(id -> event.threads().stream().filter(t -> t.id().equals(Optional.of(id))).findFirst())
                    .or(() -> event.threads().stream().filter(t -> t.crashed() || t.current()).findFirst());
            return exception.withStacktrace(thread.flatMap(SdkThread::stacktrace));
        }

        /** A message event's stack: its synthetic exception's, the only thread's, or the event's own. */
        private Optional<Stacktrace> messageStack() {
            if (!exceptions.isEmpty()) {
                Optional<Stacktrace> synthetic = exceptions.get(exceptions.size() - 1).stacktrace();
                if (synthetic.isPresent()) {
                    return synthetic;
                }
            }
            if (event.threads().size() == 1 && event.threads().get(0).stacktrace().isPresent()) {
                return event.threads().get(0).stacktrace();
            }
            return event.stacktrace();
        }

        /** The frames that group, in order: in-app ones in the app variant, without recursion or SDK frames. */
        private List<Frame> groupingFrames(Optional<Stacktrace> stack) {
            List<Frame> kept = new ArrayList<>();
            Frame previous = null;
            for (Frame frame : stack.map(Stacktrace::frames).orElse(List.of())) {
                if (appVariant && !InAppDefaults.isInApp(frame, family) || FrameTokens.skipped(frame, family)) {
                    continue;
                }
                boolean recursion = previous != null && sameCall(previous, frame);
                previous = frame;
                if (!recursion && !FrameTokens.isSdkFrame(frame)) {
                    kept.add(frame);
                }
            }
            return kept;
        }

        private static boolean sameCall(Frame a, Frame b) {
            return a.absPath().equals(b.absPath()) && a.module().equals(b.module())
                    && a.filename().equals(b.filename()) && a.function().equals(b.function())
                    && a.lineno().equals(b.lineno()) && a.colno().equals(b.colno());
        }

        private List<String> frameLines(Optional<Stacktrace> stack) {
            return groupingFrames(stack).stream().map(f -> FrameTokens.token(f, platform, family))
                    .flatMap(Optional::stream).map(token -> "frame:" + token).toList();
        }

        List<String> defaultLines() {
            List<String> lines = new ArrayList<>();
            if (realChain) {
                for (int i = 0; i < exceptions.size(); i++) {
                    ExceptionValue exception = exceptions.get(i);
                    List<String> frames = frameLines(stacks.get(i));
                    lines.add("exception");
                    if (!exception.synthetic()) {
                        exception.type().ifPresent(type -> lines.add("type:" + type));
                    }
                    if (frames.isEmpty()) {
                        exception.value().ifPresent(value -> lines.add("value:" + MessageNormaliser.normalise(value)));
                    }
                    lines.addAll(frames);
                }
            } else {
                messageText().ifPresent(text -> lines.add("message:" + MessageNormaliser.normalise(text)));
                List<String> frames = frameLines(stacks.get(0));
                if (!frames.isEmpty()) {
                    lines.add("stacktrace");
                    lines.addAll(frames);
                }
            }
            return lines.isEmpty() ? List.of("nothing") : lines;
        }

        /** The message to group by: a template before formatted text, the log entry before the message. */
        private Optional<String> messageText() {
            return event.logentry().flatMap(LogMessage::template)
                    .or(() -> event.logentry().flatMap(LogMessage::formatted))
                    .or(() -> event.message().flatMap(LogMessage::template))
                    .or(() -> event.message().flatMap(LogMessage::formatted))
                    .or(() -> exceptions.isEmpty() ? Optional.empty()
                            : exceptions.get(exceptions.size() - 1).value());
        }

        /** The main (last) exception's type and first line of its value, or the message's first line. */
        String title() {
            String title;
            if (realChain) {
                ExceptionValue main = exceptions.get(exceptions.size() - 1);
                String type = main.synthetic() ? "" : main.type().orElse("");
                String value = main.value().map(Analysis::firstLine).orElse("");
                title = type.isEmpty() || value.isEmpty() ? type + value : type + ": " + value;
            } else {
                title = event.logentry().flatMap(LogMessage::formatted)
                        .or(() -> event.message().flatMap(LogMessage::formatted))
                        .or(this::messageText).map(Analysis::firstLine).orElse("");
            }
            return oneLine(title, Issue.MAX_TITLE_LENGTH, NO_TITLE);
        }

        /** The transaction, else where the main exception (or the message's stack) was raised in app code. */
        String culprit() {
            if (event.transaction().isPresent()) {
                return oneLine(event.transaction().get(), Issue.MAX_CULPRIT_LENGTH, NO_CULPRIT);
            }
            Optional<Stacktrace> stack = stacks.isEmpty() ? Optional.empty() : stacks.get(stacks.size() - 1);
            List<Frame> frames = stack.map(Stacktrace::frames).orElse(List.of());
            Optional<Frame> crashSite = frames.stream().filter(f -> InAppDefaults.isInApp(f, family))
                    .reduce((first, second) -> second)
                    .or(() -> frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(frames.size() - 1)));
            String culprit = crashSite.map(f -> {
                String place = FrameTokens.place(f, family);
                String function = FrameTokens.function(f, family);
                return place.isEmpty() || function.isEmpty() ? place + function : place + " in " + function;
            }).orElse("");
            return oneLine(culprit, Issue.MAX_CULPRIT_LENGTH, NO_CULPRIT);
        }

        private static String firstLine(String text) {
            return text.strip().lines().findFirst().orElse("");
        }

        /** A single line within {@code max} characters: control characters become spaces, overflow an ellipsis. */
        private static String oneLine(String text, int max, String placeholder) {
            String line = Objects.requireNonNull(text).chars()
                    .map(c -> Character.isISOControl(c) ? ' ' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString().strip();
            if (line.isEmpty()) {
                return placeholder;
            }
            if (line.length() <= max) {
                return line;
            }
            int end = Character.isHighSurrogate(line.charAt(max - 2)) ? max - 2 : max - 1;
            return line.substring(0, end) + "…";
        }
    }
}
