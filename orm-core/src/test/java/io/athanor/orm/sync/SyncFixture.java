package io.athanor.orm.sync;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.sync.Band;
import io.athanor.orm.model.sync.Musician;
import io.athanor.orm.model.sync.Passport;
import io.athanor.orm.model.sync.Tour;

/** The enhanced model's schema. */
final class SyncFixture {
    private SyncFixture() {
    }

    static SessionFactory factory(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine)
                .entities(Band.class, Musician.class, Passport.class, Tour.class, io.athanor.orm.model.sync.Venue.class)
                .build();
        f.schema().dropAll();
        f.schema().createAll();
        return f;
    }
}
