package io.athanor.orm.internal.load;

import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.meta.Metadata;
import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.query.Attribute;
import io.athanor.orm.query.Load;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How one query loads the relationships of the entities it returns: a tree with the queried entity at
 * the root and, below each node, one child per relationship of that node's entity with the strategy
 * that loads it (the per-query {@link Load} options over the mapping's {@code fetch}). Children are
 * made on first use, so self-referencing relationships need no depth limit; a JOINED relationship that
 * is already on the path from the root is loaded lazily instead, so that joins stay finite.
 * Immutable once built; thread-safe.
 */
public final class LoadPlan {
    private final Metadata metadata;
    private final EntityModel entity;
    private final RelationshipModel relationship;
    private final FetchMode strategy;
    private final LoadPlan parent;
    /** The options below this node, with paths relative to it. */
    private final List<Load> loads;
    /** Whether this node is filled from the query's own join (contains-eager) rather than a join of its own. */
    private final boolean fromQuery;
    private volatile List<LoadPlan> children;
    /** {@link #joined()}, worked out on first use. */
    private volatile List<LoadPlan> joined;

    private LoadPlan(Metadata metadata, EntityModel entity, RelationshipModel relationship, FetchMode strategy, LoadPlan parent,
                     List<Load> loads, boolean fromQuery) {
        this.fromQuery = fromQuery;
        this.metadata = metadata;
        this.entity = entity;
        this.relationship = relationship;
        this.strategy = strategy;
        this.parent = parent;
        this.loads = loads;
    }

    /**
     * The plan for a query of {@code entity} with {@code loads}.
     *
     * @throws AthanorException if an option names a relationship the path does not reach
     */
    public static LoadPlan of(Metadata metadata, EntityModel entity, List<Load> loads) {
        LoadPlan root = new LoadPlan(metadata, entity, null, null, null, loads, false);
        root.children();
        return root;
    }

    /** The entity of the instances at this node. */
    public EntityModel entity() {
        return entity;
    }

    /** The relationship this node loads; {@code null} at the root. */
    public RelationshipModel relationship() {
        return relationship;
    }

    /** How this node's relationship loads; {@code null} at the root. */
    public FetchMode strategy() {
        return strategy;
    }

    /**
     * Whether this node's rows come from a join the query makes itself (a contains-eager option): its columns are
     * read from that FROM item, and no join of its own is added.
     */
    public boolean fromQuery() {
        return fromQuery;
    }

    /** The node above; {@code null} at the root. */
    public LoadPlan parent() {
        return parent;
    }

    /** The options for the subtree below this node, as options of a query of this node's entity. */
    public List<Load> loads() {
        return loads;
    }

    /** One node per relationship of this node's entity. */
    public List<LoadPlan> children() {
        List<LoadPlan> c = children;
        if (c == null) {
            synchronized (this) {
                c = children;
                if (c == null) {
                    c = build();
                    children = c;
                }
            }
        }
        return c;
    }

    /** The nodes loaded in the same statement as this one: JOINED children, and theirs, depth first. */
    public List<LoadPlan> joined() {
        List<LoadPlan> j = joined;
        if (j == null) {
            List<LoadPlan> out = new ArrayList<>();
            collectJoined(this, out);
            j = List.copyOf(out);
            joined = j; // two threads may both work it out: equal lists
        }
        return j;
    }

    private static void collectJoined(LoadPlan node, List<LoadPlan> out) {
        for (LoadPlan c : node.children()) {
            if (c.strategy == FetchMode.JOINED) {
                out.add(c);
                collectJoined(c, out);
            }
        }
    }

    private List<LoadPlan> build() {
        List<RelationshipModel> relationships = withSubclasses(metadata, entity);
        FetchMode[] modes = new FetchMode[relationships.size()];
        List<List<Load>> below = new ArrayList<>(relationships.size());
        boolean[] fromQuery = new boolean[relationships.size()];
        for (int i = 0; i < modes.length; i++) {
            modes[i] = relationships.get(i).fetch();
            below.add(new ArrayList<>());
        }
        for (Load load : loads) {
            Attribute<?, ?> first = load.path().get(0);
            int index = indexOf(relationships, first);
            if (index < 0) {
                throw new AthanorException("The loader option " + load + " names " + first + ", which is not a relationship of "
                        + entity.name() + " (the entity at that point of the path).");
            }
            if (load.containsEagerFrom() != null) {
                fromQuery[index] = true;
            }
            if (load.path().size() == 1) {
                modes[index] = load.strategies().get(0);
            } else {
                below.get(index).add(load.tail());
                modes[index] = load.strategies().get(0);
            }
        }
        List<LoadPlan> out = new ArrayList<>(relationships.size());
        for (int i = 0; i < modes.length; i++) {
            RelationshipModel r = relationships.get(i);
            FetchMode mode = modes[i];
            if (mode == FetchMode.JOINED && !fromQuery[i] && onPath(r)) {
                mode = FetchMode.SELECT;
            }
            out.add(new LoadPlan(metadata, metadata.entity(r.target()), r, mode, this, List.copyOf(below.get(i)), fromQuery[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The relationships of {@code entity} and, for an entity of a single-table hierarchy, those its subclasses
     * declare: a query of {@code Member} returns {@code Editor}s, whose {@code topics} load as the plan says (the
     * strategies give them to the instances of the relationship's owner only). Superclasses first, so a relationship
     * a subclass inherits is there once.
     */
    static List<RelationshipModel> withSubclasses(Metadata metadata, EntityModel entity) {
        io.athanor.orm.internal.meta.InheritanceModel inheritance = entity.inheritance();
        if (inheritance == null) {
            return entity.relationships();
        }
        List<Class<?>> below = new ArrayList<>();
        for (Class<?> c : inheritance.classes().values()) {
            if (c != entity.type() && entity.type().isAssignableFrom(c)) {
                below.add(c);
            }
        }
        if (below.isEmpty()) {
            return entity.relationships();
        }
        below.sort(java.util.Comparator.comparingInt(LoadPlan::depth).thenComparing(Class::getName));
        List<RelationshipModel> all = new ArrayList<>(entity.relationships());
        for (Class<?> c : below) {
            for (RelationshipModel r : metadata.entity(c).relationships()) {
                boolean known = false;
                for (RelationshipModel k : all) {
                    if (k.name().equals(r.name()) && (k.owner().isAssignableFrom(r.owner()) || r.owner().isAssignableFrom(k.owner()))) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    all.add(r);
                }
            }
        }
        return all;
    }

    private static int depth(Class<?> c) {
        int depth = 0;
        for (Class<?> x = c; x != null; x = x.getSuperclass()) {
            depth++;
        }
        return depth;
    }

    /** Whether this node's relationship belongs to a subclass of its parent's entity, so to some of its instances only. */
    boolean ofSomeInstances() {
        return parent != null && !relationship.owner().isAssignableFrom(parent.entity.type());
    }

    private boolean onPath(RelationshipModel r) {
        for (LoadPlan p = this; p != null && p.relationship != null; p = p.parent) {
            if (p.relationship == r || p.relationship == r.inverse()) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<RelationshipModel> relationships, Attribute<?, ?> a) {
        for (int i = 0; i < relationships.size(); i++) {
            RelationshipModel r = relationships.get(i);
            if (r.name().equals(a.path()) && a.entityType().isAssignableFrom(r.owner())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return relationship == null ? entity.name() : relationship + " (" + (fromQuery ? "CONTAINS_EAGER" : strategy) + ")";
    }
}
