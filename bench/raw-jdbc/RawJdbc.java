import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw JDBC anchor of Faultline's bench: what PostgreSQL and a plain JDBC loop can do for a refresh grant and
 * a code exchange on the same database, with no HTTP, no JSON and no JWT signing. THREADS threads, each with its
 * own connection, rotate their own token chain (refresh) or redeem pre-minted codes (code exchange):
 *
 * <ul>
 *   <li>{@code refresh-tx}: the statements Faultline's refresh grant runs, copied from the postgres adapter
 *       (PostgresClients.findById, PostgresTokenChains.findIssuedRefresh and findById, PostgresGrantLocks
 *       .lockForIssuing, PostgresTokenChains.rotate), here in one transaction on one connection;</li>
 *   <li>{@code refresh-cas}: one compare-and-set statement (update the chain where the presented hash is current,
 *       insert the new hash), autocommit;</li>
 *   <li>{@code code-tx}: the statements of Faultline's code exchange (PostgresClients.findById,
 *       PostgresAuthorizationCodes.findByHash, PostgresGrantLocks.lockForIssuing, PostgresAuthorizationCodes
 *       .markRedeemed, PostgresTokenChains.add), one transaction, with the same checks in Java (client, redirect
 *       URI, expiry, PKCE S256);</li>
 *   <li>{@code code-cas}: one statement that redeems the code (all checks in its WHERE) and starts the chain.</li>
 * </ul>
 *
 * Hashes are SHA-256 in Java as Faultline computes them. Usage:
 * {@code java -cp postgresql.jar RawJdbc.java JDBC_URL USER PASSWORD USER_EMAIL}, then one command per line on
 * stdin, one JSON line back per command:
 * {@code run WORKLOAD closed SECONDS} (a code-* run also ends when its minted codes are used up),
 * {@code run WORKLOAD open SECONDS RATE} (arrivals at RATE/s, latency from the scheduled arrival), {@code mint N}
 * (N codes for the next code-* run, outside the measurement), and for the harness itself {@code sql FILE} (runs a
 * SQL script: data growth), {@code query SQL} (rows as JSON arrays of strings), {@code quit}.
 * The durability settings are PostgreSQL's (Faultline's embedded server: fsync and synchronous_commit on).
 */
public final class RawJdbc {
    static final int THREADS = 4;
    static final String CLIENT_ID = "bench-raw-jdbc";
    static final String REDIRECT = "http://127.0.0.1:53682/callback";
    static final String RESOURCE_SUFFIX = "/mcp";
    static final SecureRandom RANDOM = new SecureRandom();

    // PostgresClients.COLUMNS
    static final String CLIENT = "SELECT id, name, redirect_uris, grant_types, auth_method, secret_hash, scope_ceiling, "
            + "client_uri, logo_uri, application_type, registered_at, first_authorized_at FROM oauth_clients WHERE id = ?";
    // PostgresTokenChains.findIssuedRefresh
    static final String ISSUED = "SELECT chain_id, token_hash, generation FROM refresh_tokens WHERE token_hash = ?";
    // PostgresTokenChains.SELECT + findById
    static final String CHAIN = """
            SELECT c.id, c.client_id, c.user_id, c.scopes, c.audience, c.current_refresh_hash, c.generation,
                   c.previous_refresh_hash, c.current_issued_at, c.refresh_expires_at, c.created_at, c.grant_ends_at,
                   c.last_approved_at, c.last_used_at, c.revoked_at, c.revocation_reason
            FROM token_chains c WHERE c.id = ?""";
    // PostgresGrantLocks.lockForIssuing
    static final String LOCK = "SELECT id FROM users WHERE id = ? FOR KEY SHARE";
    // PostgresTokenChains.rotate
    static final String ROTATE = """
            WITH rotated AS (
                UPDATE token_chains
                SET current_refresh_hash = ?, generation = ?,
                    previous_refresh_hash = current_refresh_hash,
                    current_issued_at = ?, refresh_expires_at = ?,
                    last_used_at = ?
                WHERE id = ? AND current_refresh_hash = ? AND revoked_at IS NULL
                  AND generation = ? - 1
                RETURNING id, generation)
            INSERT INTO refresh_tokens (token_hash, chain_id, generation)
            SELECT ?, rotated.id, rotated.generation FROM rotated""";
    // The minimal variant: one statement, the presented hash is the compare-and-set.
    static final String ROTATE_CAS = """
            WITH rotated AS (
                UPDATE token_chains
                SET current_refresh_hash = ?, generation = generation + 1,
                    previous_refresh_hash = current_refresh_hash,
                    current_issued_at = ?, refresh_expires_at = LEAST(?, grant_ends_at), last_used_at = ?
                WHERE current_refresh_hash = ? AND client_id = ? AND revoked_at IS NULL AND refresh_expires_at > ?
                RETURNING id, generation)
            INSERT INTO refresh_tokens (token_hash, chain_id, generation)
            SELECT ?, rotated.id, rotated.generation FROM rotated""";
    // PostgresAuthorizationCodes.COLUMNS + findByHash
    static final String CODE = "SELECT code_hash, client_id, user_id, redirect_uri, scopes, resource, code_challenge, "
            + "issued_at, expires_at, redeemed_at, produced_chain_id FROM authorization_codes WHERE code_hash = ?";
    // PostgresAuthorizationCodes.markRedeemed
    static final String REDEEM = "UPDATE authorization_codes SET redeemed_at = ?, produced_chain_id = ? "
            + "WHERE code_hash = ? AND redeemed_at IS NULL";
    // PostgresTokenChains.add
    static final String ADD_CHAIN = """
            WITH chain AS (
                INSERT INTO token_chains (id, client_id, user_id, scopes, audience, current_refresh_hash,
                    generation, current_issued_at, refresh_expires_at, created_at, grant_ends_at,
                    last_approved_at, last_used_at, revoked_at, revocation_reason)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id)
            INSERT INTO refresh_tokens (token_hash, chain_id, generation)
            SELECT ?, chain.id, 1 FROM chain""";
    // The minimal variant: redeem (every check in the WHERE) and start the chain in one statement.
    static final String REDEEM_CAS = """
            WITH redeemed AS (
                UPDATE authorization_codes SET redeemed_at = ?, produced_chain_id = ?
                WHERE code_hash = ? AND redeemed_at IS NULL AND client_id = ? AND redirect_uri = ?
                  AND code_challenge = ? AND expires_at > ?
                RETURNING user_id, scopes, resource),
            chain AS (
                INSERT INTO token_chains (id, client_id, user_id, scopes, audience, current_refresh_hash,
                    generation, current_issued_at, refresh_expires_at, created_at, grant_ends_at, last_approved_at)
                SELECT ?, ?, user_id, scopes, resource, ?, 1, ?, ?, ?, ?, ? FROM redeemed
                RETURNING id)
            INSERT INTO refresh_tokens (token_hash, chain_id, generation)
            SELECT ?, chain.id, 1 FROM chain""";

    final String url;
    final String user;
    final String password;
    final UUID userId;
    final String resource;
    final Connection[] connections = new Connection[THREADS];
    final String[] refreshTokens = new String[THREADS];
    final ConcurrentLinkedQueue<String[]> codes = new ConcurrentLinkedQueue<>();
    int mintRound;

    RawJdbc(String url, String user, String password, String email) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        for (int i = 0; i < THREADS; i++) {
            connections[i] = DriverManager.getConnection(url, user, password);
        }
        Connection c = connections[0];
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE lower(email) = lower(?)")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no user " + email);
                }
                userId = rs.getObject(1, UUID.class);
            }
        }
        String audience;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT audience FROM token_chains ORDER BY created_at LIMIT 1")) {
            audience = rs.next() ? rs.getString(1) : "http://127.0.0.1" + RESOURCE_SUFFIX;
        }
        resource = audience;
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO oauth_clients (id, name, redirect_uris, grant_types, auth_method, scope_ceiling, "
                    + "application_type, registered_at, first_authorized_at) VALUES ('" + CLIENT_ID
                    + "', 'raw JDBC anchor', ARRAY['" + REDIRECT + "'], ARRAY['authorization_code','refresh_token'], "
                    + "'none', 'mcp:read', 'native', now(), now()) ON CONFLICT (id) DO NOTHING");
        }
        for (int i = 0; i < THREADS; i++) {
            refreshTokens[i] = token("flt_rt_");
            startChain(c, UUID.randomUUID(), sha256Hex(refreshTokens[i]), Instant.now());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java -cp postgresql.jar RawJdbc.java JDBC_URL USER PASSWORD USER_EMAIL");
            System.exit(2);
        }
        RawJdbc bench = new RawJdbc(args[0], args[1], args[2], args[3]);
        System.out.println("{\"ready\":true}");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.trim().split("\\s+");
            try {
                String answer = switch (words[0]) {
                    case "sql" -> bench.sql(Path.of(words[1]));
                    case "query" -> bench.query(line.trim().substring("query".length()).trim());
                    case "mint" -> bench.mintCodes(Integer.parseInt(words[1]));
                    case "run" -> bench.run(words[1], words[2], Double.parseDouble(words[3]),
                            words.length > 4 ? Double.parseDouble(words[4]) : 0);
                    case "quit" -> null;
                    default -> throw new IllegalArgumentException("unknown command " + words[0]);
                };
                if (answer == null) {
                    break;
                }
                System.out.println(answer);
            } catch (Exception e) {
                System.out.println("{\"error\":" + quote(e.toString()) + "}");
            }
            System.out.flush();
        }
        for (Connection c : bench.connections) {
            c.close();
        }
    }

    String sql(Path file) throws Exception {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(Files.readString(file, StandardCharsets.UTF_8));
        }
        return "{\"ok\":true,\"ms\":" + (System.nanoTime() - started) / 1_000_000 + "}";
    }

    interface Op {
        void run(int thread) throws SQLException;
    }

    String run(String workload, String mode, double seconds, double rate) throws Exception {
        Op op = switch (workload) {
            case "refresh-tx" -> this::refreshTx;
            case "refresh-cas" -> this::refreshCas;
            case "code-tx" -> this::codeTx;
            case "code-cas" -> this::codeCas;
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
        long durationNanos = (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        Thread[] threads = new Thread[THREADS];
        long start = System.nanoTime();
        long[] end = {0};
        LinkedBlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            long[] mine = new long[500_000];
            latencies.add(mine);
            threads[t] = new Thread(() -> {
                int n = 0;
                while (true) {
                    long scheduled;
                    if (mode.equals("open")) {
                        try {
                            Long next = arrivals.poll(50, TimeUnit.MILLISECONDS);
                            if (next == null) {
                                if (System.nanoTime() - start > durationNanos) break;
                                continue;
                            }
                            if (next < 0) break;
                            scheduled = next;
                        } catch (InterruptedException e) {
                            break;
                        }
                    } else {
                        scheduled = System.nanoTime();
                        if (scheduled - start >= durationNanos) break;
                        if (workload.startsWith("code") && codes.isEmpty()) break;
                    }
                    try {
                        op.run(id);
                        if (n < mine.length - 1) mine[n++] = System.nanoTime() - scheduled;
                        done.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (errors.get() == 1) System.err.println(workload + ": " + e);
                        try {
                            connections[id].rollback();
                        } catch (SQLException ignored) {
                            // the next operation reports it
                        }
                    }
                }
                mine[mine.length - 1] = n;
            });
            threads[t].start();
        }
        if (mode.equals("open")) {
            long interval = (long) (1e9 / rate);
            for (long i = 0; ; i++) {
                long due = start + i * interval;
                if (due - start >= durationNanos) break;
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                arrivals.add(due);
            }
            for (int t = 0; t < THREADS; t++) arrivals.add(-1L);
        }
        for (Thread t : threads) t.join();
        end[0] = System.nanoTime();
        List<Long> all = new ArrayList<>();
        for (long[] mine : latencies) {
            int n = (int) mine[mine.length - 1];
            for (int i = 0; i < n; i++) all.add(mine[i]);
        }
        all.sort(null);
        double elapsed = (end[0] - start) / 1e9;
        return String.format(Locale.ROOT, "{\"workload\":%s,\"mode\":%s,\"ops\":%d,\"errors\":%d,\"seconds\":%.2f,"
                        + "\"per_s\":%.1f,\"p50_ms\":%s,\"p99_ms\":%s}", quote(workload), quote(mode), done.get(),
                errors.get(), elapsed, done.get() / elapsed, percentile(all, 50), percentile(all, 99));
    }

    static String percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return "null";
        long nanos = sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p / 100.0 * sorted.size())));
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    // ---- refresh grants

    void refreshTx(int thread) throws SQLException {
        Connection c = connections[thread];
        c.setAutoCommit(false);
        String presented = sha256Hex(refreshTokens[thread]);
        String nextToken = token("flt_rt_");
        String next = sha256Hex(nextToken);
        readClient(c);
        UUID chainId;
        try (PreparedStatement s = c.prepareStatement(ISSUED)) {
            s.setString(1, presented);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("refresh token not issued");
                chainId = rs.getObject(1, UUID.class);
                rs.getString(2);
                rs.getInt(3);
            }
        }
        int generation;
        String current;
        try (PreparedStatement s = c.prepareStatement(CHAIN)) {
            s.setObject(1, chainId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no chain");
                for (int i = 1; i <= 16; i++) rs.getObject(i);
                current = rs.getString("current_refresh_hash");
                generation = rs.getInt("generation");
                if (!current.equals(presented) || rs.getObject("revoked_at") != null) {
                    throw new IllegalStateException("not the current refresh token");
                }
            }
        }
        lock(c);
        OffsetDateTime now = now();
        try (PreparedStatement s = c.prepareStatement(ROTATE)) {
            s.setString(1, next);
            s.setInt(2, generation + 1);
            s.setObject(3, now);
            s.setObject(4, now.plusDays(30));
            s.setObject(5, now);
            s.setObject(6, chainId);
            s.setString(7, current);
            s.setInt(8, generation + 1);
            s.setString(9, next);
            if (s.executeUpdate() != 1) throw new IllegalStateException("lost the rotation");
        }
        c.commit();
        refreshTokens[thread] = nextToken;
    }

    void refreshCas(int thread) throws SQLException {
        Connection c = connections[thread];
        c.setAutoCommit(true);
        String nextToken = token("flt_rt_");
        OffsetDateTime now = now();
        try (PreparedStatement s = c.prepareStatement(ROTATE_CAS)) {
            s.setString(1, sha256Hex(nextToken));
            s.setObject(2, now);
            s.setObject(3, now.plusDays(30));
            s.setObject(4, now);
            s.setString(5, sha256Hex(refreshTokens[thread]));
            s.setString(6, CLIENT_ID);
            s.setObject(7, now);
            s.setString(8, sha256Hex(nextToken));
            if (s.executeUpdate() != 1) throw new IllegalStateException("lost the rotation");
        }
        refreshTokens[thread] = nextToken;
    }

    // ---- code exchanges

    String query(String sql) throws SQLException {
        StringBuilder rows = new StringBuilder("{\"rows\":[");
        connections[0].setAutoCommit(true);
        try (Statement s = connections[0].createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            for (int row = 0; rs.next(); row++) {
                rows.append(row == 0 ? "[" : ",[");
                for (int i = 1; i <= columns; i++) {
                    String value = rs.getString(i);
                    rows.append(i == 1 ? "" : ",").append(value == null ? "null" : quote(value));
                }
                rows.append("]");
            }
        }
        return rows.append("]}").toString();
    }

    /** Codes for the next code-* run, inserted as Faultline's authorize flow stores them (hashes, challenge). */
    String mintCodes(int n) throws SQLException {
        codes.clear();
        int round = ++mintRound;
        String prefix = "rawcode-" + UUID.randomUUID() + "-";
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, scopes, resource,
                            code_challenge, issued_at, expires_at)
                        SELECT encode(sha256(convert_to(? || i, 'UTF8')), 'hex'), ?, ?, ?, 'mcp:read', ?,
                               rtrim(translate(encode(sha256(convert_to(? || lpad(i::text, 20, '0'), 'UTF8')),
                                   'base64'), '+/', '-_'), '='),
                               now(), now() + interval '60 seconds'
                        FROM generate_series(1, ?) i""")) {
            s.setString(1, prefix);
            s.setString(2, CLIENT_ID);
            s.setObject(3, userId);
            s.setString(4, REDIRECT);
            s.setString(5, resource);
            s.setString(6, verifierPrefix(round));
            s.setInt(7, n);
            s.executeUpdate();
        }
        for (int i = 1; i <= n; i++) {
            codes.add(new String[] {prefix + i, verifierPrefix(round) + String.format("%020d", i)});
        }
        return "{\"minted\":" + n + "}";
    }

    static String verifierPrefix(int round) {
        return String.format("verifier-of-the-raw-jdbc-anchor-%04d", round % 10000).substring(0, 23);
    }

    void codeTx(int thread) throws SQLException {
        String[] code = codes.poll();
        if (code == null) throw new IllegalStateException("out of codes");
        Connection c = connections[thread];
        c.setAutoCommit(false);
        String codeHash = sha256Hex(code[0]);
        String refresh = token("flt_rt_");
        readClient(c);
        UUID codeUser;
        String scopes;
        String audience;
        try (PreparedStatement s = c.prepareStatement(CODE)) {
            s.setString(1, codeHash);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("unknown code");
                for (int i = 1; i <= 11; i++) rs.getObject(i);
                codeUser = rs.getObject("user_id", UUID.class);
                scopes = rs.getString("scopes");
                audience = rs.getString("resource");
                boolean ok = rs.getString("client_id").equals(CLIENT_ID) && rs.getString("redirect_uri").equals(REDIRECT)
                        && rs.getObject("redeemed_at") == null
                        && rs.getObject("expires_at", OffsetDateTime.class).isAfter(now())
                        && MessageDigest.isEqual(s256(code[1]).getBytes(StandardCharsets.US_ASCII),
                                rs.getString("code_challenge").getBytes(StandardCharsets.US_ASCII));
                if (!ok) throw new IllegalStateException("code refused");
            }
        }
        lock(c);
        UUID chainId = UUID.randomUUID();
        OffsetDateTime now = now();
        try (PreparedStatement s = c.prepareStatement(REDEEM)) {
            s.setObject(1, now);
            s.setObject(2, chainId);
            s.setString(3, codeHash);
            if (s.executeUpdate() != 1) throw new IllegalStateException("code replayed");
        }
        try (PreparedStatement s = c.prepareStatement(ADD_CHAIN)) {
            s.setObject(1, chainId);
            s.setString(2, CLIENT_ID);
            s.setObject(3, codeUser);
            s.setString(4, scopes);
            s.setString(5, audience);
            s.setString(6, sha256Hex(refresh));
            s.setObject(7, now);
            s.setObject(8, now.plusDays(30));
            s.setObject(9, now);
            s.setObject(10, now.plusDays(90));
            s.setObject(11, now);
            s.setObject(12, null);
            s.setObject(13, null);
            s.setObject(14, null);
            s.setString(15, sha256Hex(refresh));
            s.executeUpdate();
        }
        c.commit();
    }

    void codeCas(int thread) throws SQLException {
        String[] code = codes.poll();
        if (code == null) throw new IllegalStateException("out of codes");
        Connection c = connections[thread];
        c.setAutoCommit(true);
        String refreshHash = sha256Hex(token("flt_rt_"));
        OffsetDateTime now = now();
        UUID chainId = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement(REDEEM_CAS)) {
            s.setObject(1, now);
            s.setObject(2, chainId);
            s.setString(3, sha256Hex(code[0]));
            s.setString(4, CLIENT_ID);
            s.setString(5, REDIRECT);
            s.setString(6, s256(code[1]));
            s.setObject(7, now);
            s.setObject(8, chainId);
            s.setString(9, CLIENT_ID);
            s.setString(10, refreshHash);
            s.setObject(11, now);
            s.setObject(12, now.plusDays(30));
            s.setObject(13, now);
            s.setObject(14, now.plusDays(90));
            s.setObject(15, now);
            s.setString(16, refreshHash);
            if (s.executeUpdate() != 1) throw new IllegalStateException("code refused");
        }
    }

    // ---- shared

    void startChain(Connection c, UUID chainId, String refreshHash, Instant at) throws SQLException {
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        try (PreparedStatement s = c.prepareStatement(ADD_CHAIN)) {
            s.setObject(1, chainId);
            s.setString(2, CLIENT_ID);
            s.setObject(3, userId);
            s.setString(4, "mcp:read");
            s.setString(5, resource);
            s.setString(6, refreshHash);
            s.setObject(7, now);
            s.setObject(8, now.plusDays(30));
            s.setObject(9, now);
            s.setObject(10, now.plusDays(90));
            s.setObject(11, now);
            s.setObject(12, null);
            s.setObject(13, null);
            s.setObject(14, null);
            s.setString(15, refreshHash);
            s.executeUpdate();
        }
    }

    void readClient(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLIENT)) {
            s.setString(1, CLIENT_ID);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no client");
                for (int i = 1; i <= 12; i++) rs.getObject(i);
            }
        }
    }

    void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String token(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}
