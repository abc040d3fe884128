package dev.faultline.bootstrap.wiring;

import dev.faultline.application.access.AccessPolicy;
import dev.faultline.application.access.ApproveAuthorizationService;
import dev.faultline.application.access.BeginAuthorizationService;
import dev.faultline.application.access.ClientDirectory;
import dev.faultline.application.access.DenyAuthorizationService;
import dev.faultline.application.access.ExchangeAuthorizationCodeService;
import dev.faultline.application.access.ListIntegrationsService;
import dev.faultline.application.access.ListSecurityEventsService;
import dev.faultline.application.access.PublishSigningKeysService;
import dev.faultline.application.access.PurgeExpiredGrantsService;
import dev.faultline.application.access.RefreshTokensService;
import dev.faultline.application.access.RegisterClientService;
import dev.faultline.application.access.RevokeIntegrationService;
import dev.faultline.application.access.RevokeTokenService;
import dev.faultline.application.access.port.in.ApproveAuthorization;
import dev.faultline.application.access.port.in.BeginAuthorization;
import dev.faultline.application.access.port.in.DenyAuthorization;
import dev.faultline.application.access.port.in.ExchangeAuthorizationCode;
import dev.faultline.application.access.port.in.ListIntegrations;
import dev.faultline.application.access.port.in.ListSecurityEvents;
import dev.faultline.application.access.port.in.PublishSigningKeys;
import dev.faultline.application.access.port.in.PurgeExpiredGrants;
import dev.faultline.application.access.port.in.RefreshTokens;
import dev.faultline.application.access.port.in.RegisterClient;
import dev.faultline.application.access.port.in.RevokeIntegration;
import dev.faultline.application.access.port.in.RevokeToken;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import dev.faultline.application.access.port.out.AuthorizationCodes;
import dev.faultline.application.access.port.out.Clients;
import dev.faultline.application.access.port.out.GrantLocks;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.access.port.out.TokenChains;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.storage.Storage;
import java.time.Clock;

/** The OAuth 2.1 authorization server's use cases and the policy (lifetimes, issuer) they share. */
public record OAuthUseCases(
        AccessPolicy policy,
        RegisterClient registerClient,
        BeginAuthorization beginAuthorization,
        ApproveAuthorization approveAuthorization,
        DenyAuthorization denyAuthorization,
        ExchangeAuthorizationCode exchangeAuthorizationCode,
        RefreshTokens refreshTokens,
        RevokeToken revokeToken,
        ListIntegrations listIntegrations,
        RevokeIntegration revokeIntegration,
        ListSecurityEvents listSecurityEvents,
        PurgeExpiredGrants purgeExpiredGrants,
        PublishSigningKeys publishSigningKeys,
        boolean clientIdMetadataDocuments) {

    /** @param directory how client_ids become clients: registered ones, and metadata documents if enabled */
    static OAuthUseCases wire(AccessPolicy policy, Storage storage, ClientDirectory directory,
                              boolean clientIdMetadataDocuments, SecretGenerator secrets, AccessTokenCodec codec,
                              Clock clock) {
        Clients clients = storage.clients();
        AuthorizationCodes codes = storage.authorizationCodes();
        TokenChains chains = storage.tokenChains();
        GrantLocks locks = storage.grantLocks();
        Transactions transactions = storage.transactions();
        return new OAuthUseCases(
                policy,
                new RegisterClientService(clients, secrets, clock),
                new BeginAuthorizationService(directory, policy),
                new ApproveAuthorizationService(directory, codes, locks, secrets, transactions, policy, clock),
                new DenyAuthorizationService(directory),
                new ExchangeAuthorizationCodeService(directory, codes, chains, locks, secrets, codec, transactions,
                        policy, clock),
                new RefreshTokensService(directory, chains, locks, secrets, codec, transactions, policy, clock),
                new RevokeTokenService(directory, chains, codec, policy, clock),
                new ListIntegrationsService(clients, chains, clock),
                new RevokeIntegrationService(locks, codes, chains, transactions, clock),
                new ListSecurityEventsService(clients, chains),
                new PurgeExpiredGrantsService(clients, codes, chains, policy, clock),
                new PublishSigningKeysService(codec),
                clientIdMetadataDocuments);
    }
}
