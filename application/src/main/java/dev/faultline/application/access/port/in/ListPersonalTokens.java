package dev.faultline.application.access.port.in;

import dev.faultline.domain.account.UserId;
import java.util.List;

/** A signed-in user sees their personal tokens (newest first, revoked and expired ones until purged). */
public interface ListPersonalTokens {
    List<PersonalTokenSummary> list(UserId owner);
}
