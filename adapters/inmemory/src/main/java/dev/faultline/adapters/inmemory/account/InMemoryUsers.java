package dev.faultline.adapters.inmemory.account;

import dev.faultline.adapters.inmemory.TableLock;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Users in a map; its {@link TableLock} makes the e-mail uniqueness check and the insert atomic. */
public final class InMemoryUsers implements Users {
    private final Map<UserId, User> byId = new HashMap<>();
    private final Map<EmailAddress, UserId> byEmail = new HashMap<>();
    private final TableLock table = new TableLock(() -> TableLock.snapshotOf(byId, byEmail));

    @Override
    public Insertion add(User user) {
        return table.write(() -> {
            if (byEmail.containsKey(user.email()) || byId.containsKey(user.id())) {
                return Insertion.EMAIL_TAKEN;
            }
            byId.put(user.id(), user);
            byEmail.put(user.email(), user.id());
            return Insertion.ADDED;
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return table.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Map<UserId, User> findAll(Collection<UserId> ids) {
        return table.read(() -> ids.stream().distinct().filter(byId::containsKey)
                .collect(Collectors.toUnmodifiableMap(id -> id, byId::get)));
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return table.read(() -> Optional.ofNullable(byEmail.get(email)).map(byId::get));
    }

    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        table.write(() -> {
            byId.computeIfPresent(id, (key, user) -> user.withPasswordHash(hash));
        });
    }
}
