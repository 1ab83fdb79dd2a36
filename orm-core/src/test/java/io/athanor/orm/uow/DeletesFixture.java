package io.athanor.orm.uow;

import io.athanor.orm.NPlusOne;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.deletes.Box;
import io.athanor.orm.model.deletes.Cup;
import io.athanor.orm.model.deletes.Folder;
import io.athanor.orm.model.deletes.Label;
import io.athanor.orm.model.deletes.Note;
import io.athanor.orm.model.deletes.Poster;
import io.athanor.orm.model.deletes.Project;
import io.athanor.orm.model.deletes.Shelf;
import io.athanor.orm.model.deletes.Sticker;
import io.athanor.orm.model.deletes.Task;
import io.athanor.orm.model.deletes.Tray;

/** The schema of the {@code model.deletes} entities. */
final class DeletesFixture {
    private DeletesFixture() {
    }

    /** A session factory for the deletes entities (autoflush on), without N+1 warnings. */
    static SessionFactory factory(Engine engine) {
        return SessionFactory.builder(engine)
                .entities(Shelf.class, Box.class, Sticker.class, Poster.class, Folder.class, Note.class, Label.class,
                        Project.class, Task.class, Tray.class, Cup.class)
                .autoflush(true)
                .nPlusOne(NPlusOne.OFF)
                .build();
    }

    /** {@link #factory} over a freshly created schema (created by Athanor). */
    static SessionFactory fresh(Engine engine) {
        SessionFactory f = factory(engine);
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }
}
