package dev.faultline.application.account.port.in;

import dev.faultline.domain.account.DisplayName;
import dev.faultline.domain.account.UserId;
import java.util.Map;
import java.util.Set;

/**
 * How people are shown to each other (an issue's assignee, a note's author): their display names, never their
 * e-mail addresses. Ids of users that no longer exist are absent from the answer.
 */
public interface LookUpDisplayNames {
    Map<UserId, DisplayName> displayNamesOf(Set<UserId> users);
}
