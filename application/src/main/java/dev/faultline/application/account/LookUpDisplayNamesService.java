package dev.faultline.application.account;

import dev.faultline.application.account.port.in.LookUpDisplayNames;
import dev.faultline.application.account.port.out.Users;
import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One lookup per person; a page names a handful at most (an assignee and the authors of its notes). */
public class LookUpDisplayNamesService implements LookUpDisplayNames {
    private final Users users;

    public LookUpDisplayNamesService(Users users) {
        this.users = Objects.requireNonNull(users);
    }

    @Override
    public Map<UserId, DisplayName> displayNamesOf(Set<UserId> ids) {
        Map<UserId, DisplayName> names = new HashMap<>();
        for (UserId id : ids) {
            users.findById(id).map(User::displayName).ifPresent(name -> names.put(id, name));
        }
        return Map.copyOf(names);
    }
}
