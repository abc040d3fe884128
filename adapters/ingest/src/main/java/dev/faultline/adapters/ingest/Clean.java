package dev.faultline.adapters.ingest;

import dev.faultline.adapters.ingest.Normalisation.Reason;
import java.util.Optional;
import java.util.regex.Pattern;

/** Cleans untrusted text into the domain's rules, counting every change. */
final class Clean {
    private final Normalisation.Recorder recorder;

    Clean(Normalisation.Recorder recorder) {
        this.recorder = recorder;
    }

    /** One line: no NUL, other control characters (a trailing newline too) as spaces, stripped, cut to max. */
    Optional<String> line(Optional<String> raw, int max) {
        return raw.map(this::withoutNul).map(this::controlsAsSpaces).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> truncate(s, max));
    }

    /** Free text (tab and line breaks kept): no NUL, no other control characters, cut to max; may be empty. */
    String text(String raw, int max) {
        String cleaned = withoutNul(raw);
        StringBuilder out = new StringBuilder(cleaned.length());
        int replaced = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            boolean allowed = !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t';
            out.append(allowed ? c : ' ');
            replaced += allowed ? 0 : 1;
        }
        recorder.add(Reason.CONTROL_CHARACTERS_REPLACED, replaced);
        return truncate(out.toString(), max);
    }

    Optional<String> text(Optional<String> raw, int max) {
        return raw.map(s -> text(s, max));
    }

    /** A name within a fixed alphabet: other characters become {@code _}, cut to max; empty if nothing is left. */
    Optional<String> name(Optional<String> raw, Pattern disallowed, int max) {
        return line(raw, Integer.MAX_VALUE).map(s -> {
            String replaced = disallowed.matcher(s).replaceAll("_");
            if (!replaced.equals(s)) {
                recorder.add(Reason.NAME_CHARACTERS_REPLACED);
            }
            if (replaced.length() > max) {
                recorder.add(Reason.TEXT_TRUNCATED);
                return replaced.substring(0, max);
            }
            return replaced;
        });
    }

    private String withoutNul(String raw) {
        if (raw.indexOf('\0') < 0) {
            return raw;
        }
        recorder.add(Reason.NUL_REMOVED, (int) raw.chars().filter(c -> c == 0).count());
        return raw.replace("\0", "");
    }

    private String controlsAsSpaces(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int replaced = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean control = Character.isISOControl(c);
            out.append(control ? ' ' : c);
            replaced += control ? 1 : 0;
        }
        // A trailing line break ("12.11\n") is stripped anyway; it is dirt, not a change worth counting.
        String trimmedEnd = raw.stripTrailing();
        int trailing = (int) raw.substring(trimmedEnd.length()).chars().filter(Character::isISOControl).count();
        recorder.add(Reason.CONTROL_CHARACTERS_REPLACED, replaced - trailing);
        return out.toString();
    }

    /** Cut to {@code max} characters, the last one an ellipsis, never splitting a surrogate pair. */
    String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        recorder.add(Reason.TEXT_TRUNCATED);
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}
