package dev.faultline.domain.tracker;

import dev.faultline.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a person names one of their applications: by its id (a UUID) or by its slug, in any letter case. Which
 * application it names, among the ones the actor may see, is the tracker's to decide; a reference to someone
 * else's application finds nothing, exactly like one to an application that does not exist.
 */
public record ApplicationReference(String value) {
    /** A slug's shape; a UUID's lowercase text has it too. */
    private static final Pattern SLUG_OR_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ApplicationReference {
        InvalidValue.require(value != null && value.length() <= ApplicationSlug.MAX_LENGTH
                && SLUG_OR_ID.matcher(value).matches(), "application", "\"" + value + "\" is neither an application"
                + " id (a UUID) nor a slug (lowercase words joined by hyphens, e.g. shop-android)");
    }

    /** Text a person typed: surrounding spaces and letter case do not matter. */
    public static ApplicationReference parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            return new ApplicationReference(wanted);
        } catch (InvalidValue e) {
            throw new InvalidValue("application", "\"" + text + "\" is neither an application id (a UUID) nor a "
                    + "slug (lowercase words joined by hyphens, e.g. shop-android)");
        }
    }

    public static ApplicationReference to(ApplicationId id) {
        return new ApplicationReference(id.toString());
    }

    /** Whether this names {@code application}, by id or by slug (a slug may look like a UUID, so both count). */
    public boolean names(Application application) {
        return application.id().toString().equals(value) || application.slug().value().equals(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
