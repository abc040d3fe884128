package dev.faultline.application.access;

import dev.faultline.application.access.port.in.ApproveAuthorization;
import dev.faultline.application.access.port.in.AuthorizationResponse;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.shared.Transactions;
import dev.faultline.domain.access.AuthorizationCode;
import dev.faultline.domain.access.RedirectUri;
import dev.faultline.domain.access.Scope;
import dev.faultline.domain.access.ScopeOffer;
import dev.faultline.domain.access.Scopes;
import dev.faultline.domain.access.SecretKind;
import dev.faultline.domain.access.TokenHash;
import dev.faultline.domain.account.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

public class ApproveAuthorizationService implements ApproveAuthorization {
    private final ClientDirectory clients;
    private final AuthorizationCodes codes;
    private final GrantLocks locks;
    private final SecretGenerator secrets;
    private final Transactions transactions;
    private final AccessPolicy policy;
    private final Clock clock;

    public ApproveAuthorizationService(Clients clients, AuthorizationCodes codes, GrantLocks locks,
            SecretGenerator secrets, Transactions transactions, AccessPolicy policy, Clock clock) {
        this(ClientDirectory.registeredOnly(clients), codes, locks, secrets, transactions, policy, clock);
    }

    public ApproveAuthorizationService(ClientDirectory clients, AuthorizationCodes codes, GrantLocks locks,
            SecretGenerator secrets, Transactions transactions, AccessPolicy policy, Clock clock) {
        this.clients = Objects.requireNonNull(clients);
        this.codes = Objects.requireNonNull(codes);
        this.locks = Objects.requireNonNull(locks);
        this.secrets = Objects.requireNonNull(secrets);
        this.transactions = Objects.requireNonNull(transactions);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public AuthorizationResponse approve(UserId user, BeginAuthorization.ValidRequest request,
            List<String> tickedScopes) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tickedScopes, "tickedScopes");
        return ConsentCheck.recheck(clients, request).fold(
                stands -> approveScopes(user, request, tickedScopes),
                ConsentCheck.Result.Refused::page);
    }

    private AuthorizationResponse approveScopes(UserId user, BeginAuthorization.ValidRequest request,
            List<String> tickedScopes) {
        return new ScopeOffer(request.scopes()).approve(tickedScopes).fold(
                granted -> issueCode(user, request, granted.scopes()),
                nothingTicked -> new AuthorizationResponse.ScopeChoiceRefused("Nothing was ticked, so there is"
                        + " nothing to allow. Tick at least one permission, or press Deny."),
                notOffered -> new AuthorizationResponse.ScopeChoiceRefused("The form asked to allow \""
                        + notOffered.name() + "\", which this request did not offer (it offered "
                        + offeredNames(request) + ")."));
    }

    private AuthorizationResponse issueCode(UserId user, BeginAuthorization.ValidRequest request, Scopes granted) {
        Instant now = clock.instant();
        String code = secrets.generate(SecretKind.AUTHORIZATION_CODE);
        AuthorizationCode issued = AuthorizationCode.issue(TokenHash.of(code), request.clientId(), user,
                RedirectUri.parse(request.redirectUri()), granted, request.resource(), request.challenge(), now,
                policy.codeLifetime());
        transactions.run(() -> {
            // First, as GrantLocks orders it: a revocation of this person either waits for this code or comes first.
            locks.lockForIssuing(user);
            codes.add(issued);
            clients.clients().markAuthorized(request.clientId(), now);
        });
        return new AuthorizationResponse.RedirectTo(
                AuthorizationResponse.Redirect.withCode(request.redirectUri(), code, request.state()));
    }

    private static String offeredNames(BeginAuthorization.ValidRequest request) {
        return new ScopeOffer(request.scopes()).offered().stream().map(Scope::wireName)
                .collect(java.util.stream.Collectors.joining(" "));
    }
}
