package dev.faultline.adapters.pages;

import dev.faultline.domain.access.PersonalTokenTitle;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.shared.InvalidValue;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * What the "Create a personal token" form posted, checked field by field so the person sees every problem at once:
 * the form as it should be shown again, and, when nothing is wrong, the title, scopes and lifetime to create.
 */
record TokenFormInput(TokenForm shown, String title, List<String> scopeValues, String expiry) {

    static TokenFormInput read(MultivaluedMap<String, String> form) {
        List<String> scopeValues = Optional.ofNullable(form.get("scope")).orElse(List.of());
        String title = SettingsForms.single(form, "title");
        String expiry = SettingsForms.single(form, "expires_in");
        TokenForm shown = TokenForm.as(title, scopeValues.contains(Scope.READ.wireName()),
                scopeValues.contains(Scope.WRITE.wireName()), expiry);
        return new TokenFormInput(checked(shown, title, scopeValues, expiry), title, scopeValues, expiry);
    }

    boolean valid() {
        return !shown.hasErrors();
    }

    PersonalTokenTitle validTitle() {
        return PersonalTokenTitle.of(title);
    }

    Scopes validScopes() {
        return scopes(scopeValues);
    }

    /** Empty for "never". */
    Optional<Duration> validLifetime() {
        return TokenForm.Expiry.fromValue(expiry).orElseThrow().lifetime();
    }

    private static TokenForm checked(TokenForm shown, String title, List<String> scopeValues, String expiry) {
        TokenForm checked = shown;
        try {
            PersonalTokenTitle.of(title);
        } catch (InvalidValue e) {
            checked = checked.withTitleError(sentence(e.getMessage()));
        }
        if (scopeValues.isEmpty()) {
            checked = checked.withScopeError("Choose at least one permission.");
        } else {
            try {
                scopes(scopeValues);
            } catch (InvalidValue e) {
                checked = checked.withScopeError(sentence(e.getMessage()));
            }
        }
        if (TokenForm.Expiry.fromValue(expiry).isEmpty()) {
            checked = checked.withExpiryError("Choose when the token expires from the list.");
        }
        return checked;
    }

    private static Scopes scopes(List<String> values) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.fromWireName(value).orElseThrow(() ->
                    new InvalidValue("scope", "unknown permission \"" + value + "\"")));
        }
        return new Scopes(scopes);
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
