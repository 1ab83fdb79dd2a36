package io.athanor.orm.internal.load;

import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.proxy.ProxyHandler;
import io.athanor.orm.query.Load;
import java.util.List;

/** Loads a lazy reference through the session that made it, on its first use. */
final class ReferenceHandler implements ProxyHandler {
    private final RowLoader loader;
    /** The relationship the reference was made for, or {@code null} for {@code getReference}. */
    final RelationshipModel via;
    /** The instance whose relationship holds the reference, for N+1 detection; may be {@code null}. */
    final EntityEntry owner;
    /** The loader options of the query that made the reference, below {@link #via}: they apply when it loads. */
    final List<Load> loads;
    EntityEntry entry;

    ReferenceHandler(RowLoader loader, RelationshipModel via, EntityEntry owner, List<Load> loads) {
        this.loader = loader;
        this.via = via;
        this.owner = owner;
        this.loads = loads;
    }

    @Override
    public void beforeCall() {
        if (entry.hollow) {
            loader.initialize(this);
        }
    }

    @Override
    public boolean isLoaded() {
        return !entry.hollow;
    }

    @Override
    public Object serialForm(Object proxy) throws java.io.ObjectStreamException {
        if (entry.hollow) {
            throw new java.io.NotSerializableException(entry.model.name() + " " + entry.id() + " is a lazy reference that "
                    + "was never loaded, so it cannot be serialised: load it first (use it, or query with "
                    + ".options(joinedLoad(...)) or selectinLoad(...)).");
        }
        return io.athanor.orm.internal.proxy.ProxyFactory.plainCopy(proxy, entry.model.type(), entry.model::newInstance);
    }
}
