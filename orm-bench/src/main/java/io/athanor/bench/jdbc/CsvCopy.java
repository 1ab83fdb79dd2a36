package io.athanor.bench.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Streams archive rows through PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)} with pgjdbc's CopyManager. */
final class CsvCopy {
    private static final int CHUNK = 64 * 1024;

    private CsvCopy() {
    }

    /** Copies {@code rows} (userId, productName, total, createdAt) and returns the row count the server reports. */
    static long copy(Connection c, String copySql, List<Map<String, Object>> rows) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            StringBuilder sb = new StringBuilder(CHUNK + 256);
            for (Map<String, Object> m : rows) {
                sb.append((long) (Long) m.get("userId")).append(',');
                quote(sb, (String) m.get("productName"));
                sb.append(',').append(((BigDecimal) m.get("total")).toPlainString()).append(',')
                        .append(m.get("createdAt")).append('\n');
                if (sb.length() >= CHUNK) {
                    send(in, sb);
                }
            }
            send(in, sb);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        sb.append('"');
    }

    private static void send(CopyIn in, StringBuilder sb) throws SQLException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }
}
