import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw-JDBC anchor of bench/token-grants: a refresh grant's database work with nothing around it, on the same
 * embedded PostgreSQL as a running Faultline. Each thread has its own connection and its own chain (copied from a
 * chain Faultline made, so the same client and person) and rotates it in a closed loop:
 * <ul>
 *   <li>{@code tx}: one transaction of the three statements a refresh needs: find the presented hash with its
 *       chain, lock the person for issuing, compare-and-set rotate (plus COMMIT);</li>
 *   <li>{@code cas}: the compare-and-set rotate alone, autocommit.</li>
 * </ul>
 * Usage: java -cp postgresql.jar bench/RawRefreshLoop.java &lt;data dir&gt; &lt;tx|cas&gt; &lt;seconds&gt; &lt;threads&gt;
 * Prints one JSON line: rotations per second.
 */
public final class RawRefreshLoop {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String mode = args[1];
        long durationNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        int threads = Integer.parseInt(args[3]);
        String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim();
        String password = Files.readString(data.resolveSibling(data.getFileName() + ".password")).trim();
        String url = "jdbc:postgresql://localhost:" + port + "/faultline";
        AtomicLong done = new AtomicLong();
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Connection c = DriverManager.getConnection(url, "postgres", password);
            String[] state = newChain(c);
            workers[t] = new Thread(() -> {
                try {
                    String current = state[1];
                    int generation = 1;
                    while (System.nanoTime() - start < durationNanos) {
                        String next = randomHash();
                        if (mode.equals("tx")) {
                            c.setAutoCommit(false);
                            UUID user = find(c, current);
                            lock(c, user);
                            if (!rotate(c, state[0], current, next, generation + 1)) throw new IllegalStateException("lost");
                            c.commit();
                        } else {
                            c.setAutoCommit(true);
                            if (!rotate(c, state[0], current, next, generation + 1)) throw new IllegalStateException("lost");
                        }
                        current = next;
                        generation++;
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"raw\":\"%s\",\"threads\":%d,\"ok_per_s\":%.1f}%n", mode, threads, done.get() / seconds);
    }

    private static String[] newChain(Connection c) throws Exception {
        String id = UUID.randomUUID().toString();
        String hash = randomHash();
        c.setAutoCommit(true);
        try (PreparedStatement s = c.prepareStatement("""
                WITH chain AS (
                    INSERT INTO token_chains (id, client_id, user_id, scopes, audience, current_refresh_hash, generation,
                        current_issued_at, refresh_expires_at, created_at, grant_ends_at, last_approved_at)
                    SELECT ?::uuid, client_id, user_id, scopes, audience, ?, 1, now(), now() + interval '1 day', now(),
                        now() + interval '2 days', now()
                    FROM token_chains LIMIT 1
                    RETURNING id)
                INSERT INTO refresh_tokens (token_hash, chain_id, generation) SELECT ?, id, 1 FROM chain
                """)) {
            s.setString(1, id);
            s.setString(2, hash);
            s.setString(3, hash);
            if (s.executeUpdate() != 1) throw new IllegalStateException("no chain to copy: run Faultline's bench first");
        }
        return new String[] {id, hash};
    }

    private static UUID find(Connection c, String hash) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT r.generation, c.id, c.client_id, c.user_id, c.scopes, c.audience, c.current_refresh_hash,
                       c.generation, c.previous_refresh_hash, c.current_issued_at, c.refresh_expires_at, c.created_at,
                       c.grant_ends_at, c.last_approved_at, c.last_used_at, c.revoked_at, c.revocation_reason
                FROM refresh_tokens r JOIN token_chains c ON c.id = r.chain_id WHERE r.token_hash = ?
                """)) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject("user_id", UUID.class);
            }
        }
    }

    private static void lock(Connection c, UUID user) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE id = ? FOR KEY SHARE")) {
            s.setObject(1, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        }
    }

    private static boolean rotate(Connection c, String id, String expected, String next, int generation) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                WITH rotated AS (
                    UPDATE token_chains
                    SET current_refresh_hash = ?, generation = ?, previous_refresh_hash = current_refresh_hash,
                        current_issued_at = ?, refresh_expires_at = ?, last_used_at = ?
                    WHERE id = ?::uuid AND current_refresh_hash = ? AND revoked_at IS NULL AND generation = ? - 1
                    RETURNING id, generation)
                INSERT INTO refresh_tokens (token_hash, chain_id, generation)
                SELECT ?, rotated.id, rotated.generation FROM rotated
                """)) {
            Instant now = Instant.now();
            s.setString(1, next);
            s.setInt(2, generation);
            s.setTimestamp(3, Timestamp.from(now));
            s.setTimestamp(4, Timestamp.from(now.plusSeconds(3600)));
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, id);
            s.setString(7, expected);
            s.setInt(8, generation);
            s.setString(9, next);
            return s.executeUpdate() == 1;
        }
    }

    private static String randomHash() throws Exception {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
    }
}
