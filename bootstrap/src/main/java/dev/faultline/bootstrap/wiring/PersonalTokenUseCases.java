package dev.faultline.bootstrap.wiring;

import dev.faultline.application.access.AuthenticatePersonalTokenService;
import dev.faultline.application.access.CreatePersonalTokenService;
import dev.faultline.application.access.ListPersonalTokensService;
import dev.faultline.application.access.PurgeEndedPersonalTokensService;
import dev.faultline.application.access.RevokePersonalTokenService;
import dev.faultline.application.access.port.in.AuthenticatePersonalToken;
import dev.faultline.application.access.port.in.CreatePersonalToken;
import dev.faultline.application.access.port.in.ListPersonalTokens;
import dev.faultline.application.access.port.in.PurgeEndedPersonalTokens;
import dev.faultline.application.access.port.in.RevokePersonalToken;
import dev.faultline.application.access.port.out.PersonalTokens;
import dev.faultline.application.access.port.out.SecretGenerator;
import dev.faultline.application.storage.Storage;
import java.time.Clock;

/** Personal access tokens: create (shown once), list, revoke, authenticate, purge. */
public record PersonalTokenUseCases(CreatePersonalToken create, ListPersonalTokens list, RevokePersonalToken revoke,
                                    AuthenticatePersonalToken authenticate, PurgeEndedPersonalTokens purge) {

    static PersonalTokenUseCases wire(Storage storage, SecretGenerator secrets, Clock clock) {
        PersonalTokens tokens = storage.personalTokens();
        return new PersonalTokenUseCases(
                new CreatePersonalTokenService(tokens, storage.grantLocks(), secrets, storage.transactions(), clock),
                new ListPersonalTokensService(tokens, clock),
                new RevokePersonalTokenService(tokens, clock),
                new AuthenticatePersonalTokenService(tokens, clock),
                new PurgeEndedPersonalTokensService(tokens, clock));
    }
}
