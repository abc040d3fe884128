package dev.faultline.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.in.TokenOutcome;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.wiring.Faultline;
import dev.faultline.domain.access.Client;
import dev.faultline.domain.access.ClientCredentials;
import dev.faultline.domain.access.ClientRegistrationRequest;
import dev.faultline.domain.access.PkceChallenge;
import dev.faultline.domain.account.UserId;
import java.util.List;
import java.util.Optional;

/** OAuth grants made through the use cases (the dance itself is tested elsewhere), for the fault tests. */
final class Grants {
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String REDIRECT = "http://127.0.0.1:43110/callback";

    private Grants() {
    }

    static UserId person(Faultline faultline, String email) {
        return ((CreateUser.Outcome.Created) faultline.account().createUser()
                .createUser(CreateUser.Command.of(email, "Someone", "correct horse battery"))).userId();
    }

    static Client client(Faultline faultline) {
        RegisterClient.Outcome outcome = faultline.oauth().registerClient().register(new ClientRegistrationRequest(
                "Fault client", List.of(REDIRECT), List.of("authorization_code", "refresh_token"), List.of("code"),
                "none", null, null, null, "native"));
        return ((RegisterClient.Outcome.Registered) outcome).client();
    }

    /** A new grant (token chain) of {@code client} for {@code user}: its first access and refresh token. */
    static TokenOutcome.Tokens grant(Faultline faultline, UserId user, Client client) {
        BeginAuthorization.Outcome begun = faultline.oauth().beginAuthorization().begin(new BeginAuthorization.Request(
                client.id().value(), REDIRECT, "code", "mcp:read", "state", PkceChallenge.derivedFrom(VERIFIER).value(),
                "S256", null));
        BeginAuthorization.ValidRequest request = ((BeginAuthorization.Outcome.ShowConsent) begun).request();
        AuthorizationResponse response = faultline.oauth().approveAuthorization().approve(user, request);
        String code = ((AuthorizationResponse.RedirectTo) response).redirect().parameter("code").orElseThrow();
        TokenOutcome outcome = faultline.oauth().exchangeAuthorizationCode().exchange(new ExchangeAuthorizationCode.Command(
                ClientCredentials.publicClient(client.id()), Optional.of(code), Optional.of(REDIRECT),
                Optional.of(VERIFIER), Optional.empty()));
        assertThat(outcome).as(outcome.toString()).isInstanceOf(TokenOutcome.Issued.class);
        return ((TokenOutcome.Issued) outcome).tokens();
    }
}
