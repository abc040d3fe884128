package dev.faultline.bench.anchor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The get_issue tool: one row of Faultline's issues table, by id, on one pooled connection, as JSON text. */
final class IssueReader {

    static final McpSchema.Tool TOOL = McpSchema.Tool.builder()
            .name("get_issue")
            .description("One issue by id")
            .inputSchema(JavaSdkAnchor.idSchema())
            .build();

    private static final String SELECT = "SELECT id, application_id, fingerprint, title, culprit, exception_type,"
            + " level, status, first_seen, last_seen, event_count, assignee_id FROM issues WHERE id = ?";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    IssueReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    McpSchema.CallToolResult call(McpTransportContext context, McpSchema.CallToolRequest request) {
        Object raw = request.arguments() == null ? null : request.arguments().get("issue_id");
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(raw));
        } catch (IllegalArgumentException e) {
            return error("issue_id must be a UUID");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return error("no issue " + id);
                }
                return McpSchema.CallToolResult.builder().addTextContent(json.writeValueAsString(asMap(row))).build();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("get_issue failed", e);
        }
    }

    private static Map<String, Object> asMap(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = row.getObject(i);
            out.put(meta.getColumnLabel(i), value == null || value instanceof Number ? value : value.toString());
        }
        return out;
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
