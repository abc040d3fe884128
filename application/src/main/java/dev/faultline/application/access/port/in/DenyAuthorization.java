package dev.faultline.application.access.port.in;

/** The user said no: tell the client {@code access_denied}. */
public interface DenyAuthorization {
    AuthorizationResponse deny(BeginAuthorization.ValidRequest request);
}
