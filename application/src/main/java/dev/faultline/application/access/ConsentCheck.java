package dev.faultline.application.access;

import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.domain.access.Client;
import java.util.function.Function;

/**
 * Approve and deny arrive in a later request than the consent page: the client may have been purged or the
 * form tampered with. Before anything is sent to a redirect URI it is checked against the client again.
 */
final class ConsentCheck {
    private ConsentCheck() {
    }

    sealed interface Result {
        /**
         * Applies the function for this variant. Each variant is one parameter, so a new variant fails the
         * build until every caller handles it.
         */
        <R> R fold(Function<Stands, R> stands, Function<Refused, R> refused);

        record Stands(Client client) implements Result {
            @Override
            public <R> R fold(Function<Stands, R> stands, Function<Refused, R> refused) {
                return stands.apply(this);
            }
        }

        record Refused(AuthorizationResponse.ErrorPage page) implements Result {
            @Override
            public <R> R fold(Function<Stands, R> stands, Function<Refused, R> refused) {
                return refused.apply(this);
            }
        }
    }

    static Result recheck(ClientDirectory clients, BeginAuthorization.ValidRequest request) {
        return clients.find(request.clientId()).fold(
                found -> recheck(found.client(), request),
                notFound -> refused(notFound.message()),
                tooMany -> {
                    throw ClientDirectory.uncountedLookupLimited();
                });
    }

    private static Result recheck(Client client, BeginAuthorization.ValidRequest request) {
        if (client.registeredRedirectUri(request.redirectUri()).isEmpty()) {
            return refused(Client.redirectUriNotRegistered(request.redirectUri()));
        }
        return new Result.Stands(client);
    }

    private static Result refused(String message) {
        return new Result.Refused(new AuthorizationResponse.ErrorPage(message));
    }
}
