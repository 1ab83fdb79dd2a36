package io.athanor.orm.internal.load;

import io.athanor.orm.UnloadedRelationshipException;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.proxy.ProxyHandler;

/** A reference left unloaded on purpose (RAISE): every use but the id getter throws. */
final class RaiseHandler implements ProxyHandler {
    private final RelationshipModel relationship;

    RaiseHandler(RelationshipModel relationship) {
        this.relationship = relationship;
    }

    static UnloadedRelationshipException error(RelationshipModel r) {
        String attr = r.owner().getSimpleName() + "_." + r.name();
        return new UnloadedRelationshipException(r + " is not loaded: it is mapped or queried with RAISE, so that no "
                + "statement runs unnoticed. Load it in the query: .options(selectinLoad(" + attr + ")) or joinedLoad(" + attr
                + ").");
    }

    @Override
    public void beforeCall() {
        throw error(relationship);
    }

    @Override
    public boolean isLoaded() {
        return false;
    }

    @Override
    public Object serialForm(Object proxy) throws java.io.ObjectStreamException {
        throw new java.io.NotSerializableException(error(relationship).getMessage());
    }
}
