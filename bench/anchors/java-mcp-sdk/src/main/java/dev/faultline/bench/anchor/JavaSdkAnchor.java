package dev.faultline.bench.anchor;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Java MCP SDK anchor of bench/run: the SDK's stateless streamable-HTTP servlet transport in Jetty at
 * /mcp behind a local JWT check, one tool (get_issue, one pooled row read), and GET /static.
 *
 * <p>Usage: {@code PORT JDBC_URL DB_USER DB_PASSWORD TOKEN_FILE}. Runs until killed.
 */
public final class JavaSdkAnchor {

    /** Faultline's default pool size (database.maxConnections). */
    static final int POOL_SIZE = 16;

    private JavaSdkAnchor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: JavaSdkAnchor PORT JDBC_URL DB_USER DB_PASSWORD TOKEN_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String resource = "http://127.0.0.1:" + port + "/mcp";
        Path tokenFile = Path.of(args[4]);

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args[1]);
        pool.setUsername(args[2]);
        pool.setPassword(args[3]);
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setPoolName("anchor");
        HikariDataSource dataSource = new HikariDataSource(pool);

        RSAKey signingKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();

        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .messageEndpoint("/mcp")
                .build();
        McpStatelessSyncServer mcp = McpServer.sync(transport)
                .serverInfo("faultline-bench-anchor", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .toolCall(IssueReader.TOOL, new IssueReader(dataSource)::call)
                .build();

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(transport), "/mcp");
        context.addServlet(new ServletHolder(new StaticServlet()), "/static");
        context.addFilter(new FilterHolder(new BearerFilter(signingKey.toPublicJWK(), resource)), "/mcp",
                EnumSet.of(DispatcherType.REQUEST));

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(context);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                // shutting down anyway
            }
            mcp.close();
            dataSource.close();
        }));
        server.start();

        writeToken(tokenFile, bearer(signingKey, resource));
        System.out.println("Java MCP SDK anchor listening on " + resource);
        server.join();
    }

    /** An RFC 9068-shaped access token for the anchor's own resource, valid for one hour. */
    private static String bearer(RSAKey key, String resource) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1/anchor")
                .subject("bench-user")
                .audience(resource)
                .claim("client_id", "bench-client")
                .claim("scope", "mcp:read")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(3600)))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** Written owner-only, then moved into place so a reader never sees a partial token. */
    private static void writeToken(Path tokenFile, String token) throws Exception {
        Path dir = tokenFile.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".token", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, token, StandardCharsets.US_ASCII);
        Files.move(tmp, tokenFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Map<String, Object> idSchema() {
        return Map.of("type", "object",
                "properties", Map.of("issue_id", Map.of("type", "string", "description", "The issue's UUID")),
                "required", java.util.List.of("issue_id"));
    }
}
