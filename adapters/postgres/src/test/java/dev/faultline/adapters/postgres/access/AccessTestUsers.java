package dev.faultline.adapters.postgres.access;

import dev.faultline.adapters.postgres.testing.TestDatabase;
import dev.faultline.domain.account.UserId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rows in {@code users} for grants to point at. */
final class AccessTestUsers {
    private AccessTestUsers() {
    }

    static UserId insert(TestDatabase db) {
        UserId id = UserId.random();
        db.jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO users (id, email, display_name, password_hash, created_at)
                        VALUES (:id, :email, 'Test User', '$argon2id$v=19$m=8,t=1,p=1$x$y', :now)
                        """)
                .bind("id", id.value())
                .bind("email", id + "@example.test")
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .execute());
        return id;
    }
}
