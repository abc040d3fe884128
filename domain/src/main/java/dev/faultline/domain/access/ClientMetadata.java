package dev.faultline.domain.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Registration metadata that passed {@link ClientRegistrationRequest#validate()}. */
public record ClientMetadata(
        String name,
        List<RedirectUri> redirectUris,
        Set<GrantType> grantTypes,
        ClientAuthMethod authMethod,
        Scopes scopeCeiling,
        Optional<String> clientUri,
        Optional<String> logoUri,
        ApplicationType applicationType) {

    public ClientMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(scopeCeiling, "scopeCeiling");
        Objects.requireNonNull(clientUri, "clientUri");
        Objects.requireNonNull(logoUri, "logoUri");
        Objects.requireNonNull(applicationType, "applicationType");
        redirectUris = List.copyOf(redirectUris);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client has at least one redirect URI");
        }
        grantTypes = Set.copyOf(EnumSet.copyOf(grantTypes));
    }
}
