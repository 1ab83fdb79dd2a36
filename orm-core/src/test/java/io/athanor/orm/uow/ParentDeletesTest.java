package io.athanor.orm.uow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.UniqueViolationException;
import io.athanor.orm.model.deletes.Box;
import io.athanor.orm.model.deletes.Cup;
import io.athanor.orm.model.deletes.Poster;
import io.athanor.orm.model.deletes.Shelf;
import io.athanor.orm.model.deletes.Sticker;
import io.athanor.orm.model.deletes.Tray;
import io.athanor.orm.test.DatabaseTest;
import io.athanor.orm.test.RecordedStatement;
import io.athanor.orm.test.SqlRecorder;
import java.util.List;
import java.util.Locale;

/**
 * Deleting a parent whose children are not cascaded: children loaded in batches, NOT NULL keys reported before
 * anything is written, orphans deleted, and the in-memory changes of a failed flush put back.
 */
class ParentDeletesTest {

    private static List<RecordedStatement> on(SqlRecorder sql, String verb, String table) {
        return sql.statements().stream()
                .filter(st -> st.sql().stripLeading().toUpperCase(Locale.ROOT).startsWith(verb) && st.sql().contains(table))
                .toList();
    }

    /** Guards that a child whose key cannot be NULL stops the delete with a clear error, before any write, and that rollback() recovers. */
    @DatabaseTest
    void aNotNullChildStopsTheDeleteBeforeAnythingIsWritten(Engine engine) {
        SessionFactory f = DeletesFixture.fresh(engine);
        long[] ids = f.inTransaction(s -> {
            Shelf shelf = new Shelf("full");
            Box box = new Box("b", shelf);
            s.add(shelf);
            s.add(box);
            s.flush();
            return new long[] {shelf.getId(), box.getId()};
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Shelf shelf = s.get(Shelf.class, ids[0]);
            sql.clear();
            s.delete(shelf);
            assertThatThrownBy(s::commit).isInstanceOf(AthanorException.class)
                    .hasMessage("Cannot delete Shelf " + ids[0] + ": its Box " + ids[1] + " refers to it through "
                            + "del_boxes.shelf_id, which cannot be null; cascade REMOVE on Shelf.boxes, delete the boxes "
                            + "first, or map passiveDeletes = true if the database deletes them (ON DELETE CASCADE).");
            assertThat(sql.sql()).as("only the children were read; nothing was written")
                    .isNotEmpty().allMatch(q -> q.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT"));
            s.rollback();
            Box box = s.get(Box.class, ids[1]);
            assertThat(box.getShelf()).as("the box still refers to its shelf").isSameAs(s.get(Shelf.class, ids[0]));
            s.delete(box);
            s.delete(shelf);
            s.commit();
        }
        assertThat(ShopFixture.rows(f, Shelf.class)).isZero();
        assertThat(ShopFixture.rows(f, Box.class)).isZero();
    }

    /** Guards that the children of many deleted parents load in one statement per relationship per batch of 500 parents. */
    @DatabaseTest
    void childrenOfManyDeletedParentsLoadInOneStatementPerBatch(Engine engine) {
        SessionFactory f = DeletesFixture.fresh(engine);
        int parents = 600;
        f.runInTransaction(s -> {
            for (int i = 0; i < parents; i++) {
                Shelf shelf = new Shelf("shelf " + i);
                s.add(shelf);
                s.add(new Sticker("sticker " + i, shelf));
                s.add(new Poster("poster " + i, shelf));
            }
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            List<Shelf> shelves = s.select(Shelf.class).list();
            assertThat(shelves).hasSize(parents);
            shelves.forEach(s::delete);
            sql.clear();
            s.commit();
            assertThat(on(sql, "SELECT", "del_boxes")).as("boxes: two batches of parents").hasSize(2);
            assertThat(on(sql, "SELECT", "del_stickers")).as("stickers: two batches of parents").hasSize(2);
            assertThat(on(sql, "SELECT", "del_posters")).as("posters (dynamic): two batches of parents").hasSize(2);
            assertThat(on(sql, "UPDATE", "del_stickers")).singleElement()
                    .satisfies(st -> assertThat(st.batchSize()).isEqualTo(parents));
            assertThat(on(sql, "UPDATE", "del_posters")).singleElement()
                    .satisfies(st -> assertThat(st.batchSize()).isEqualTo(parents));
            assertThat(on(sql, "DELETE", "del_shelves")).singleElement()
                    .satisfies(st -> assertThat(st.batchSize()).isEqualTo(parents));
            assertThat(sql.sql()).as("children's keys cleared before the parents go")
                    .containsSubsequence("UPDATE del_stickers SET shelf_id = ? WHERE id = ?", "DELETE FROM del_shelves WHERE id = ?");
        }
        assertThat(ShopFixture.rows(f, Shelf.class)).isZero();
        assertThat(ShopFixture.number(f, "select count(*) from del_stickers where shelf_id is null")).isEqualTo(parents);
        assertThat(ShopFixture.number(f, "select count(*) from del_posters where shelf_id is null")).isEqualTo(parents);
    }

    /** Guards that children already loaded are not read again, and that those of a dynamic relationship are cleared too. */
    @DatabaseTest
    void loadedChildrenAreNotReadAgain(Engine engine) {
        SessionFactory f = DeletesFixture.fresh(engine);
        long id = f.inTransaction(s -> {
            Shelf shelf = new Shelf("one");
            s.add(shelf);
            s.add(new Sticker("loaded", shelf));
            s.add(new Poster("dynamic", shelf));
            s.flush();
            return shelf.getId();
        });
        try (Session s = f.open(); SqlRecorder sql = SqlRecorder.attach(engine)) {
            Shelf shelf = s.get(Shelf.class, id);
            Sticker sticker = shelf.getStickers().get(0);
            Poster poster = shelf.getPosters().list().get(0);
            sql.clear();
            s.delete(shelf);
            s.commit();
            assertThat(on(sql, "SELECT", "del_stickers")).as("the loaded stickers").isEmpty();
            assertThat(sticker.getShelf()).isNull();
            assertThat(poster.getShelf()).isNull();
        }
        assertThat(ShopFixture.number(f, "select count(*) from del_stickers where shelf_id is null")).isEqualTo(1);
        assertThat(ShopFixture.number(f, "select count(*) from del_posters where shelf_id is null")).isEqualTo(1);
    }

    /** Guards that a failed flush puts back the children's references and the parent's collection it cleared. */
    @DatabaseTest
    void aFailedFlushPutsTheChildrenBack(Engine engine) {
        SessionFactory f = DeletesFixture.fresh(engine);
        long id = f.inTransaction(s -> {
            Shelf shelf = new Shelf("a");
            s.add(shelf);
            s.add(new Shelf("taken"));
            s.add(new Sticker("s1", shelf));
            s.add(new Sticker("s2", shelf));
            s.flush();
            return shelf.getId();
        });
        try (Session s = f.open()) {
            Shelf shelf = s.get(Shelf.class, id);
            List<Sticker> stickers = List.copyOf(shelf.getStickers());
            assertThat(stickers).hasSize(2);
            s.delete(shelf);
            s.add(new Shelf("taken"));
            assertThatThrownBy(s::flush).isInstanceOf(UniqueViolationException.class);
            assertThat(stickers).allSatisfy(st -> assertThat(st.getShelf()).isSameAs(shelf));
            assertThat(shelf.getStickers()).containsExactlyInAnyOrderElementsOf(stickers);
            s.rollback();
            s.delete(shelf);
            s.commit();
            assertThat(stickers).allSatisfy(st -> assertThat(st.getShelf()).isNull());
        }
        assertThat(ShopFixture.rows(f, Shelf.class)).isEqualTo(1);
        assertThat(ShopFixture.number(f, "select count(*) from del_stickers where shelf_id is null")).isEqualTo(2);
    }

    /** Guards that the children of an orphanRemoval relationship (no cascade) are deleted with their parent, loaded or not. */
    @DatabaseTest
    void orphanRemovalChildrenAreDeletedWithTheirParent(Engine engine) {
        SessionFactory f = DeletesFixture.fresh(engine);
        long[] ids = f.inTransaction(s -> {
            Tray unloaded = new Tray("unloaded");
            Tray loaded = new Tray("loaded");
            s.addAll(List.of(unloaded, loaded, new Cup("red", unloaded), new Cup("blue", unloaded), new Cup("green", loaded),
                    new Tray("kept")));
            s.flush();
            return new long[] {unloaded.getId(), loaded.getId()};
        });
        try (Session s = f.open()) {
            Tray loaded = s.get(Tray.class, ids[1]);
            assertThat(loaded.getCups()).hasSize(1);
            s.delete(loaded);
            s.delete(s.get(Tray.class, ids[0]));
            s.commit();
        }
        assertThat(ShopFixture.rows(f, Tray.class)).isEqualTo(1);
        assertThat(ShopFixture.rows(f, Cup.class)).isZero();
    }
}
