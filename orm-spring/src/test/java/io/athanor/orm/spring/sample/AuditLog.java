package io.athanor.orm.spring.sample;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit lines in a transaction of their own, which commits whatever becomes of the caller's. */
@Service
public class AuditLog {
    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String line) {
        jdbc.update("insert into audit(line) values (?)", line);
    }
}
