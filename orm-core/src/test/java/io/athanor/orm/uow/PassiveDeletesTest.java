package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.deletes.Folder;
import io.athanor.orm.model.deletes.Label;
import io.athanor.orm.model.deletes.Note;
import io.athanor.orm.model.deletes.Project;
import io.athanor.orm.model.deletes.Task;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Locale;

/**
 * {@code passiveDeletes = true}, and a child's {@code onDelete = SET_NULL}: the database deletes or frees what
 * refers to a deleted entity, and the flush sends the entity's DELETE alone — no SELECT of children, no UPDATE.
 */
class PassiveDeletesTest {

    /** Athanor's DDL for the deletes model, with ON DELETE CASCADE added to {@code del_notes.folder_id}, as a DBA would. */
    private static SessionFactory withNotesCascade(Engine engine) {
        SessionFactory f = DeletesFixture.factory(engine);
        f.schema().dropAll();
        List<String> ddl = f.schema().createStatements().stream()
                .map(stmt -> stmt.replaceAll("(FOREIGN KEY \\([^)]*folder_id[^)]*\\) REFERENCES [^)]*\\))", "$1 ON DELETE CASCADE"))
                .toList();
        assertThat(ddl).as("precondition: folder_id now has ON DELETE CASCADE")
                .anyMatch(stmt -> stmt.contains("folder_id") && stmt.toUpperCase(Locale.ROOT).contains("ON DELETE CASCADE"));
        engine.runInTransaction(c -> {
            for (String stmt : ddl) {
                c.execute(Text.text(stmt));
            }
        });
        return f;
    }

    /** Guards that deleting a folder whose notes are passiveDeletes sends only its DELETE, and the database deletes the notes. */
    @DatabaseTest
    void passiveDeletesSendsOnlyTheParentsDelete(Engine engine) {
        SessionFactory f = withNotesCascade(engine);
        long id = f.inTransaction(s -> {
            Folder folder = new Folder("inbox");
            s.addAll(List.of(folder, new Note("one", folder), new Note("two", folder), new Note("elsewhere", null)));
            s.flush();
            return folder.getId();
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Folder folder = s.get(Folder.class, id);
            sql.clear();
            s.delete(folder);
            s.commit();
            assertThat(sql.sql()).containsExactly("DELETE FROM del_folders WHERE id = ?");
        }
        assertThat(ShopFixture.rows(f, Folder.class)).isZero();
        assertThat(ShopFixture.rows(f, Note.class)).as("the database deleted the folder's notes").isEqualTo(1);
    }

    /** Guards that a child key mapped onDelete = SET_NULL leaves the children to the database: no SELECT, no UPDATE. */
    @DatabaseTest
    void onDeleteSetNullLeavesTheChildrenToTheDatabase(Engine engine) {
        SessionFactory f = DeletesFixture.fresh(engine);
        long id = f.inTransaction(s -> {
            Project project = new Project("p");
            s.addAll(List.of(project, new Task("t1", project), new Task("t2", project)));
            s.flush();
            return project.getId();
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Project project = s.get(Project.class, id);
            sql.clear();
            s.delete(project);
            s.commit();
            assertThat(sql.sql()).containsExactly("DELETE FROM del_projects WHERE id = ?");
        }
        assertThat(ShopFixture.rows(f, Task.class)).isEqualTo(2);
        assertThat(ShopFixture.number(f, "select count(*) from del_tasks where project_id is null")).isEqualTo(2);
    }

    /** Guards that a passiveDeletes many-to-many side sends no link DELETE, while the other side deletes its links first. */
    @DatabaseTest
    void aPassiveManyToManySideLeavesItsLinkRowsToTheDatabase(Engine engine) {
        SessionFactory f = DeletesFixture.fresh(engine);
        long[] ids = f.inTransaction(s -> {
            Label red = new Label("red");
            Label blue = new Label("blue");
            Note n1 = new Note("n1", null);
            Note n2 = new Note("n2", null);
            n1.getLabels().addAll(List.of(red, blue));
            n2.getLabels().add(red);
            s.addAll(List.of(red, blue, n1, n2));
            s.flush();
            return new long[] {n1.getId(), red.getId()};
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Note n1 = s.get(Note.class, ids[0]);
            sql.clear();
            s.delete(n1);
            s.commit();
            assertThat(sql.sql()).as("Athanor's link table deletes the note's links itself")
                    .containsExactly("DELETE FROM del_notes WHERE id = ?");
            Label red = s.get(Label.class, ids[1]);
            sql.clear();
            s.delete(red);
            s.commit();
            assertThat(sql.sql()).as("the label's side is not passive")
                    .containsExactly("DELETE FROM note_labels WHERE label_id = ?", "DELETE FROM del_labels WHERE id = ?");
        }
        assertThat(ShopFixture.number(f, "select count(*) from note_labels")).isZero();
        assertThat(ShopFixture.rows(f, Label.class)).isEqualTo(1);
        assertThat(ShopFixture.rows(f, Note.class)).isEqualTo(1);
    }
}
