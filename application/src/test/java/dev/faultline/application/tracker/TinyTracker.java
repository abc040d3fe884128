package dev.faultline.application.tracker;

import dev.faultline.application.account.port.out.Users;
import dev.faultline.application.shared.Transactions;
import dev.faultline.application.tracker.port.out.Applications;
import dev.faultline.application.tracker.port.out.Issues;
import dev.faultline.application.tracker.port.out.Memberships;
import dev.faultline.domain.account.EmailAddress;
import dev.faultline.domain.account.PasswordHash;
import dev.faultline.domain.account.User;
import dev.faultline.domain.account.UserId;
import dev.faultline.domain.tracker.Application;
import dev.faultline.domain.tracker.ApplicationId;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Fingerprint;
import dev.faultline.domain.tracker.Issue;
import dev.faultline.domain.tracker.IssueId;
import dev.faultline.domain.tracker.Membership;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Just enough storage for the tracker's rules to be tested inside the application module (the in-memory adapter
 * depends on the application, so it cannot be used here; the port contracts prove the real adapters). Not
 * thread-safe, no locking: these tests run one call at a time.
 */
final class TinyTracker {
    final Map<ApplicationId, Application> applications = new LinkedHashMap<>();
    final List<Membership> memberships = new ArrayList<>();
    final Map<IssueId, Issue> issues = new LinkedHashMap<>();
    final Map<UserId, User> users = new LinkedHashMap<>();
    final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    /** A port any call to which fails the test: proves a refusal looked at nothing. */
    static <T> T untouchable(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new AssertionError(port.getSimpleName() + "." + method.getName() + " was called");
        }));
    }

    final Applications applicationPort = new Applications() {
        @Override
        public Insertion add(Application application) {
            applications.put(application.id(), application);
            return Insertion.ADDED;
        }

        @Override
        public Optional<Application> findById(ApplicationId id) {
            return Optional.ofNullable(applications.get(id));
        }

        @Override
        public Optional<Application> findBySlug(ApplicationSlug slug) {
            return applications.values().stream().filter(a -> a.slug().equals(slug)).findFirst();
        }

        @Override
        public List<Application> findAll(Collection<ApplicationId> ids) {
            return applications.values().stream().filter(a -> ids.contains(a.id())).toList();
        }
    };

    final Memberships membershipPort = new Memberships() {
        @Override
        public Insertion add(Membership membership) {
            memberships.add(membership);
            return Insertion.ADDED;
        }

        @Override
        public Optional<Membership> find(ApplicationId applicationId, UserId userId) {
            return memberships.stream()
                    .filter(m -> m.applicationId().equals(applicationId) && m.userId().equals(userId)).findFirst();
        }

        @Override
        public List<Membership> listByUser(UserId userId) {
            return memberships.stream().filter(m -> m.userId().equals(userId)).toList();
        }

        @Override
        public List<Membership> listByApplication(ApplicationId applicationId) {
            return memberships.stream().filter(m -> m.applicationId().equals(applicationId)).toList();
        }
    };

    final Issues issuePort = new Issues() {
        @Override
        public Insertion add(Issue issue) {
            issues.put(issue.id(), issue);
            return Insertion.ADDED;
        }

        @Override
        public Optional<Issue> findById(IssueId id) {
            return Optional.ofNullable(issues.get(id));
        }

        @Override
        public Optional<Issue> lockById(IssueId id) {
            return findById(id);
        }

        @Override
        public Optional<Issue> lockByFingerprint(ApplicationId applicationId, Fingerprint fingerprint) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public void update(Issue issue) {
            issues.put(issue.id(), issue);
        }

        @Override
        public List<Listed> list(Query query) {
            throw new UnsupportedOperationException("not needed here");
        }
    };

    final Users userPort = new Users() {
        @Override
        public Insertion add(User user) {
            users.put(user.id(), user);
            return Insertion.ADDED;
        }

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.ofNullable(users.get(id));
        }

        @Override
        public Map<UserId, User> findAll(Collection<UserId> ids) {
            throw new UnsupportedOperationException("not needed here");
        }

        @Override
        public Optional<User> findByEmail(EmailAddress email) {
            return users.values().stream().filter(u -> u.email().equals(email)).findFirst();
        }

        @Override
        public void updatePasswordHash(UserId id, PasswordHash hash) {
            throw new UnsupportedOperationException("not needed here");
        }
    };
}
