package dev.confab.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads what dialog-service persisted for a conversation straight from PostgreSQL, as "SPEAKER: text" lines. */
public final class Transcripts {

    private Transcripts() {
    }

    public static List<String> read(String jdbcUrl, String conversationId) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement query = db.prepareStatement(
                     "select speaker, text from transcript_entry where conversation_id = ? order by id")) {
            query.setString(1, conversationId);
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString("speaker") + ": " + rows.getString("text"));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the transcript of " + conversationId, e);
        }
    }
}
