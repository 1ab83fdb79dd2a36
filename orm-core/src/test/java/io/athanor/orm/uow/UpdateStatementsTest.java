package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.StaleObjectException;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.internal.persistence.WritePlan;
import io.athanor.orm.internal.session.DefaultSession;
import io.athanor.orm.model.compare.CmpAll;
import io.athanor.orm.model.compare.CmpOwner;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * The UPDATE a flush sends for a set of changed columns is built once per entity and set, and reused by later
 * flushes of any session: the same text, the same columns bound in the same order, the version still checked;
 * past the bound on kept sets, statements are built per flush and still right.
 */
class UpdateStatementsTest {

    private static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(CmpAll.class, CmpOwner.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        try (Session s = f.open()) {
            for (long id = 1; id <= 2; id++) {
                CmpAll a = new CmpAll(id);
                a.text = "t" + id;
                a.letter = 'a';
                a.place = new io.athanor.orm.model.compare.CmpPlace("Main St", 1);
                s.add(a);
            }
            s.commit();
        }
        return f;
    }

    private static WritePlan plan(Session s) {
        DefaultSession d = (DefaultSession) s;
        return d.plan(d.metadata().entity(CmpAll.class));
    }

    private static List<String> updates(SqlRecorder sql) {
        return sql.sql().stream().filter(q -> q.startsWith("UPDATE")).toList();
    }

    @DatabaseTest
    void aSetOfChangedColumnsIsRenderedOnceAndReusedAcrossFlushesAndSessions(Engine engine) {
        SessionFactory f = factory(engine);
        int kept;
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            CmpAll a = s.get(CmpAll.class, 1L);
            kept = plan(s).updateStatementsKept();
            for (int i = 1; i <= 3; i++) {
                a.number = i;
                s.flush();
            }
            a.number = 4;
            a.text = "both";
            s.flush();
            s.commit();
            List<String> u = updates(sql);
            assertThat(u).hasSize(4);
            assertThat(u.get(0)).contains("SET").contains("number").doesNotContain("text").contains("version");
            assertThat(u.get(1)).isSameAs(u.get(0)).isSameAs(u.get(2));
            assertThat(u.get(3)).contains("number").contains("text");
            assertThat(plan(s).updateStatementsKept()).isEqualTo(kept + 2);
        }
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            CmpAll b = s.get(CmpAll.class, 2L);
            b.number = 7;
            s.commit();
            assertThat(updates(sql)).hasSize(1);
            assertThat(plan(s).updateStatementsKept()).as("reused by another session").isEqualTo(kept + 2);
        }
        try (Session s = f.open()) {
            CmpAll a = s.get(CmpAll.class, 1L);
            assertThat(a.number).isEqualTo(4);
            assertThat(a.text).isEqualTo("both");
            assertThat(a.version).isEqualTo(4L);
            assertThat(s.get(CmpAll.class, 2L).number).isEqualTo(7);
        }
    }

    @DatabaseTest
    void aReusedStatementStillChecksTheVersion(Engine engine) {
        SessionFactory f = factory(engine);
        try (Session s = f.open()) {
            s.get(CmpAll.class, 1L).number = 1;
            s.commit();
        }
        try (Session stale = f.open()) {
            CmpAll old = stale.get(CmpAll.class, 1L);
            try (Session s = f.open()) {
                s.get(CmpAll.class, 1L).number = 2;
                s.commit();
            }
            old.number = 3;
            Assertions.assertThrows(StaleObjectException.class, stale::flush);
            stale.rollback();
        }
        try (Session s = f.open()) {
            assertThat(s.get(CmpAll.class, 1L).number).isEqualTo(2);
        }
    }

    @DatabaseTest
    void pastTheBoundStatementsAreBuiltPerFlushAndStillRight(Engine engine) {
        SessionFactory f = factory(engine);
        int sets = 150; // more than are kept: each a different non-empty set of the eight primitive columns
        try (Session s = f.open()) {
            CmpAll a = s.get(CmpAll.class, 1L);
            for (int k = 1; k <= sets; k++) {
                int bits = k & 0xFF;
                if ((bits & 1) != 0) {
                    a.flag = !a.flag;
                }
                if ((bits & 2) != 0) {
                    a.tiny++;
                }
                if ((bits & 4) != 0) {
                    a.small++;
                }
                if ((bits & 8) != 0) {
                    a.number++;
                }
                if ((bits & 16) != 0) {
                    a.big++;
                }
                if ((bits & 32) != 0) {
                    a.real++;
                }
                if ((bits & 64) != 0) {
                    a.dbl++;
                }
                if ((bits & 128) != 0) {
                    a.letter++;
                }
                s.flush();
            }
            assertThat(plan(s).updateStatementsKept()).isLessThanOrEqualTo(128);
            s.commit();
        }
        int flags = 0;
        int tiny = 0;
        int small = 0;
        int number = 0;
        int big = 0;
        int real = 0;
        int dbl = 0;
        int letter = 0;
        for (int k = 1; k <= sets; k++) {
            flags += k & 1;
            tiny += k >> 1 & 1;
            small += k >> 2 & 1;
            number += k >> 3 & 1;
            big += k >> 4 & 1;
            real += k >> 5 & 1;
            dbl += k >> 6 & 1;
            letter += k >> 7 & 1;
        }
        try (Session s = f.open()) {
            CmpAll a = s.get(CmpAll.class, 1L);
            assertThat(a.flag).isEqualTo(flags % 2 == 1);
            assertThat(a.tiny).isEqualTo((byte) tiny);
            assertThat(a.small).isEqualTo((short) small);
            assertThat(a.number).isEqualTo(number);
            assertThat(a.big).isEqualTo(big);
            assertThat(a.real).isEqualTo((float) real);
            assertThat(a.dbl).isEqualTo(dbl);
            assertThat(a.letter).isEqualTo((char) ('a' + letter));
            assertThat(a.version).isEqualTo((long) sets);
        }
    }
}
