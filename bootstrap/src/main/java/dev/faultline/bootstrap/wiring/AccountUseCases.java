package dev.faultline.bootstrap.wiring;

import dev.faultline.application.account.CreateUserService;
import dev.faultline.application.account.FindUserByEmailService;
import dev.faultline.application.account.LookUpDisplayNamesService;
import dev.faultline.application.account.PurgeStaleSignInFailuresService;
import dev.faultline.application.account.SignInService;
import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.application.account.port.in.FindUserByEmail;
import dev.faultline.application.account.port.in.LookUpDisplayNames;
import dev.faultline.application.account.port.in.PurgeStaleSignInFailures;
import dev.faultline.application.account.port.in.SignIn;
import dev.faultline.application.account.port.out.AddressSignInFailures;
import dev.faultline.application.account.port.out.PasswordCheckPermits;
import dev.faultline.application.account.port.out.PasswordHasher;
import dev.faultline.application.account.port.out.SignInAttempts;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.storage.Storage;
import dev.faultline.domain.account.AddressSignInLimit;
import dev.faultline.domain.account.SignInThrottle;
import java.time.Clock;

/** The account context's use cases. */
public record AccountUseCases(CreateUser createUser, SignIn signIn, FindUserByEmail findUserByEmail,
                              LookUpDisplayNames lookUpDisplayNames,
                              PurgeStaleSignInFailures purgeStaleSignInFailures) {

    static AccountUseCases wire(Storage storage, PasswordCheckPermits permits, PasswordHasher hasher,
            SignInThrottle throttle, AddressSignInLimit addressLimit, Clock clock) {
        Users users = storage.users();
        SignInAttempts attempts = storage.signInAttempts();
        AddressSignInFailures addressFailures = storage.addressSignInFailures();
        return new AccountUseCases(
                new CreateUserService(users, hasher, clock),
                new SignInService(users, attempts, addressFailures, permits, hasher, throttle, addressLimit, clock),
                new FindUserByEmailService(users),
                new LookUpDisplayNamesService(users),
                new PurgeStaleSignInFailuresService(attempts, throttle, addressFailures, addressLimit, clock));
    }
}
