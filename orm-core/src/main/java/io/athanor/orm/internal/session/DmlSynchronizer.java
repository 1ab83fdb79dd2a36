package io.athanor.orm.internal.session;

import io.athanor.orm.internal.load.Relationships;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.unitofwork.UnitOfWork;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Statement;
import io.athanor.orm.query.Update;
import java.util.ArrayList;
import java.util.List;

/** After a DSL UPDATE or DELETE: the instances of its entity expire, or are read again, as the statement asks. */
final class DmlSynchronizer {
    private DmlSynchronizer() {
    }

    /** Brings the instances of a DSL UPDATE's or DELETE's entity up to date, as the statement asks. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void synchronize(DefaultSession session, IdentityMap map, UnitOfWork work, Statement change) {
        io.athanor.orm.query.Synchronize mode = change instanceof Update ? ((Update<?>) change).synchronization()
                : change instanceof io.athanor.orm.query.Delete ? ((io.athanor.orm.query.Delete<?>) change).synchronization()
                : io.athanor.orm.query.Synchronize.NONE;
        if (mode == io.athanor.orm.query.Synchronize.NONE) {
            return;
        }
        EntityModel model = session.metadata().entity(change.target());
        List<EntityEntry> held = new ArrayList<>();
        for (EntityEntry e : map.entries()) {
            if (e.model == model && e.status() == EntityEntry.Status.PERSISTENT) {
                e.expired = true;
                held.add(e);
            }
        }
        if (held.isEmpty() || mode == io.athanor.orm.query.Synchronize.EXPIRE || model.idProperties().size() != 1) {
            return;
        }
        PropertyModel id = model.idProperties().get(0);
        Attribute idAttribute = new Attribute(model.type(), id.path(), id.javaType());
        for (int from = 0; from < held.size(); from += Relationships.BATCH) {
            List<Object> keys = new ArrayList<>();
            for (EntityEntry e : held.subList(from, Math.min(held.size(), from + Relationships.BATCH))) {
                keys.add(e.id());
            }
            Expression<Boolean> byKeys = idAttribute.in(keys);
            session.select((Class<Object>) model.type()).where(byKeys).list();
        }
        List<EntityEntry> gone = new ArrayList<>();
        for (EntityEntry e : held) {
            if (e.expired) {
                gone.add(e);
            }
        }
        work.forgetAll(gone);
    }
}
