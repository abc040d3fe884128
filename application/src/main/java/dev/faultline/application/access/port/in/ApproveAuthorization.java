package dev.faultline.application.access.port.in;

import dev.faultline.domain.account.UserId;
import java.util.List;

/**
 * The signed-in user approved: issue a single-use authorization code for the scopes the person ticked and send
 * it to the client. Ticks are checked against the pending request's offer ({@link
 * dev.faultline.domain.access.ScopeOffer}); nothing ticked, or a tick for something not offered, issues nothing
 * and answers {@link AuthorizationResponse.ScopeChoiceRefused}.
 */
public interface ApproveAuthorization {
    AuthorizationResponse approve(UserId user, BeginAuthorization.ValidRequest request, List<String> tickedScopes);

    /** Approves exactly what was requested, as a person who ticks every requested scope does. */
    default AuthorizationResponse approve(UserId user, BeginAuthorization.ValidRequest request) {
        return approve(user, request, request.scopes().values().stream()
                .map(dev.faultline.domain.access.Scope::wireName).toList());
    }
}
