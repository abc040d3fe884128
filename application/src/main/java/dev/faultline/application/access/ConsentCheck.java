package dev.faultline.application.access;

import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.domain.access.Client;
import java.util.Optional;

/**
 * Approve and deny arrive in a later request than the consent page: the client may have been purged or the
 * form tampered with. Before anything is sent to a redirect URI it is checked against the client again.
 */
final class ConsentCheck {
    private ConsentCheck() {
    }

    sealed interface Result {
        record Stands(Client client) implements Result {
        }

        record Refused(AuthorizationResponse.ErrorPage page) implements Result {
        }
    }

    static Result recheck(Clients clients, BeginAuthorization.ValidRequest request) {
        Optional<Client> client = clients.findById(request.clientId());
        if (client.isEmpty()) {
            return refused("client_id \"" + request.clientId() + "\" is not a registered client");
        }
        if (client.get().registeredRedirectUri(request.redirectUri()).isEmpty()) {
            return refused(Client.redirectUriNotRegistered(request.redirectUri()));
        }
        return new Result.Stands(client.get());
    }

    private static Result refused(String message) {
        return new Result.Refused(new AuthorizationResponse.ErrorPage(message));
    }
}
