package dev.faultline.application.access.port.in;

import dev.faultline.domain.account.UserId;

/** The signed-in user approved: issue a single-use authorization code and send it to the client. */
public interface ApproveAuthorization {
    AuthorizationResponse approve(UserId user, BeginAuthorization.ValidRequest request);
}
