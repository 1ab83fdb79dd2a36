package io.athanor.orm.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.joined.Doc;
import io.athanor.orm.model.joined.Doc_;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;

/** Joined-table inheritance: a table per class keyed by the root's id, polymorphic reads, and writes to each table. */
class JoinedInheritanceTest {

    private static List<String> described(List<? extends Doc> docs) {
        return docs.stream().map(Doc::describe).toList();
    }

    @DatabaseTest
    void aQueryOfTheRootReturnsEachRowAsItsSubclass(Engine engine) {
        SessionFactory f = JoinedFixture.factory(engine);
        JoinedFixture.seed(f);
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Doc> all = s.select(Doc.class).orderBy(Doc_.title).list();
            assertThat(described(all)).containsExactly("Note:a:hello", "Invoice:b:I-1:100", "Reminder:c:I-2:200:2");
            assertThat(sql.count()).isEqualTo(1);
        }
    }
}
