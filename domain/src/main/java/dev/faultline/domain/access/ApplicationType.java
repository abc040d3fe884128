package dev.faultline.domain.access;

import java.util.Arrays;
import java.util.Optional;

/** What kind of application a client says it is (OpenID Connect Dynamic Registration {@code application_type}). */
public enum ApplicationType {
    WEB("web"),
    NATIVE("native");

    private final String wireName;

    ApplicationType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApplicationType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
