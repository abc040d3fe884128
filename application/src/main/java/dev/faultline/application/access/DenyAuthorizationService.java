package dev.faultline.application.access;

import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.DenyAuthorization;
import dev.faultline.application.access.port.out.Clients;
import java.util.Objects;

public class DenyAuthorizationService implements DenyAuthorization {
    private final ClientDirectory clients;

    public DenyAuthorizationService(Clients clients) {
        this(ClientDirectory.registeredOnly(clients));
    }

    public DenyAuthorizationService(ClientDirectory clients) {
        this.clients = Objects.requireNonNull(clients);
    }

    @Override
    public AuthorizationResponse deny(BeginAuthorization.ValidRequest request) {
        return ConsentCheck.recheck(clients, request).fold(
                stands -> new AuthorizationResponse.RedirectTo(AuthorizationResponse.Redirect.withError(
                        request.redirectUri(), AuthorizationResponse.Error.ACCESS_DENIED,
                        "the user denied the authorization request", request.state())),
                ConsentCheck.Result.Refused::page);
    }
}
