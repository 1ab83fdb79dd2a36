package io.athanor.orm.internal.load;

import io.athanor.orm.internal.meta.RelationshipModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.sql.ExpectedRows;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.state.IdentityMap;
import io.athanor.orm.internal.state.LoadGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of joined eager loading: parents and, by outer joins, their relationships, read in one pass with each
 * child put in its parent as its row is read. One per session, made by {@link RowLoader} on the first such read;
 * its thread only.
 */
final class JoinedRows {
    private final RowLoader loader;
    private final IdentityMap map;
    /** Counts {@link #read} calls: each marks the entries it has met with its number (see {@link EntityEntry#markRead}). */
    private int reads;

    JoinedRows(RowLoader loader) {
        this.loader = loader;
        this.map = loader.map();
    }

    /**
     * Reads the rows of a statement that loads parents and, by outer joins, their relationships: one
     * instance per key through the identity map, each parent once, in the order first met. The map is sized first
     * for the instances the statement is expected to read ({@link ExpectedRows}), and each part's lists for its own
     * share. A to-many child goes into its parent's collection as its row is read (the parent's own plain collection,
     * emptied when the parent is first met, else a list given to it at the end) and is pointed back at the parent.
     */
    List<Object> read(ResultSet rs, CompiledSelect c, Map<LoadPlan, List<Object>> joinedOut, LoadGroup group)
            throws SQLException {
        List<LoadPlan> nodes = c.joined();
        int n = nodes.size();
        RowLoader.EntityRowReader root = loader.new EntityRowReader(c.entity(), true, 0);
        root.group = group;
        RowLoader.EntityRowReader[] readers = new RowLoader.EntityRowReader[n];
        int[] parentIndex = new int[n];
        RelationshipModel[] relationship = new RelationshipModel[n];
        // to-many nodes: what each parent's children go into (see JoinedChildren), and the (parent, child) pairs seen
        // (rows repeat them), unless the child's mark tells (pairedByMark); to-one nodes are set as their rows are
        // read, since a parent's rows all hold the same child
        JoinedChildren[] children = new JoinedChildren[n];
        List<Map<Object, Object>> seen = new ArrayList<>(n);
        List<List<Object>> outOf = new ArrayList<>(n);
        Class<?>[] owners = new Class<?>[n];
        int offset = c.entity().rowColumns().size();
        boolean compared = !c.entity().writesTracked();
        ExpectedRows expected = c.expected();
        int rootsExpected = expected.part(0, n + 1).guess();
        for (int k = 0; k < n; k++) {
            LoadPlan node = nodes.get(k);
            compared |= !node.entity().writesTracked();
            readers[k] = loader.new EntityRowReader(node.entity(), true, offset);
            readers[k].group = new LoadGroup();
            offset += node.entity().rowColumns().size();
            parentIndex[k] = nodes.indexOf(node.parent());
            relationship[k] = node.relationship();
            owners[k] = relationship[k].owner();
            boolean toMany = relationship[k].toMany();
            int those = expected.part(k + 1, n + 1).guess();
            if (toMany) {
                int parents = parentIndex[k] < 0 ? rootsExpected : expected.part(parentIndex[k] + 1, n + 1).guess();
                children[k] = new JoinedChildren(relationship[k], onlyNodeOf(nodes, k), parents, those);
            }
            seen.add(toMany && !pairedByMark(nodes, k) ? new IdentityHashMap<>() : null);
            List<Object> instances = those > 0 ? new ArrayList<>(those) : new ArrayList<>();
            outOf.add(instances);
            joinedOut.put(node, instances);
        }
        map.expect(expected.guess(), compared);
        // an instance is among the roots (or the children) once: its entry carries this read's mark
        if (reads == EntityEntry.MAX_READ) {
            map.clearReadMarks();
            reads = 0;
        }
        int mark = ++reads;
        List<Object> out = rootsExpected > 0 ? new ArrayList<>(rootsExpected) : new ArrayList<>();
        Object[] row = new Object[n];
        Object[] lastParent = new Object[n];
        Collection<?>[] lastList = new Collection<?>[n];
        EntityEntry[] rowEntries = new EntityEntry[n];
        Object lastRoot = null;
        while (rs.next()) {
            Object parentRoot = root.read(rs);
            EntityEntry rootEntry = root.entry;
            boolean rootFirst = parentRoot != lastRoot && rootEntry != null && rootEntry.markRead(mark, false);
            if (rootFirst) {
                out.add(parentRoot);
            }
            lastRoot = parentRoot;
            for (int k = 0; k < n; k++) {
                int up = parentIndex[k];
                Object parent = up < 0 ? parentRoot : row[up];
                EntityEntry pe = up < 0 ? rootEntry : rowEntries[up];
                row[k] = null;
                rowEntries[k] = null;
                if (parent == null || !owners[k].isInstance(parent)) { // a subclass's relationship, another class's row
                    continue;
                }
                Object child = readers[k].read(rs);
                EntityEntry ce = readers[k].entry;
                row[k] = child;
                rowEntries[k] = ce;
                RelationshipModel r = relationship[k];
                if (!r.toMany()) {
                    if (ce != null && ce.markRead(mark, true)) {
                        outOf.get(k).add(child);
                    }
                    if (pe != null && !pe.isLoaded(r.name())) {
                        r.accessor().set(parent, child);
                        if (r.owning() && child != null) {
                            pe.markToOne(r);
                        }
                        pe.markLoaded(r.name());
                        if (child != null) {
                            setInverse(r, parent, child, ce);
                        }
                    }
                    continue;
                }
                Collection<Object> list;
                if (lastParent[k] == parent) { // a parent's rows mostly come one after another
                    @SuppressWarnings("unchecked")
                    Collection<Object> last = (Collection<Object>) lastList[k];
                    list = last;
                } else {
                    list = up < 0 && rootFirst ? children[k].start(parent, pe) : children[k].of(parent, pe);
                    lastParent[k] = parent;
                    lastList[k] = list;
                }
                Map<Object, Object> pairs = seen.get(k);
                if (child == null) {
                    continue;
                }
                boolean first;
                if (pairs == null) { // pairedByMark: the child's first row in this read is its one pairing
                    first = ce.markRead(mark, true);
                    if (first) {
                        outOf.get(k).add(child);
                    }
                } else {
                    first = firstPair(pairs, parent, child);
                    if (first && ce != null && ce.markRead(mark, true)) {
                        outOf.get(k).add(child);
                    }
                }
                if (first && list != null) {
                    list.add(child);
                    if (!r.owning() && r.inverse() != null && !r.inverse().toMany()
                            && r.inverse().accessor().get(child) != parent) {
                        setInverse(r, parent, child, ce);
                    }
                }
            }
        }
        int instances = out.size();
        expected.part(0, n + 1).seen(out.size());
        for (int k = 0; k < n; k++) {
            instances += outOf.get(k).size();
            expected.part(k + 1, n + 1).seen(outOf.get(k).size());
        }
        expected.seen(instances);
        for (int k = 0; k < n; k++) {
            readers[k].group.size = outOf.get(k).size();
            if (children[k] != null) {
                children[k].attach(loader.relationships(), loader);
            }
        }
        return out;
    }

    /** Whether node {@code k} is the only one of {@code nodes} that loads its relationship. */
    private static boolean onlyNodeOf(List<LoadPlan> nodes, int k) {
        RelationshipModel r = nodes.get(k).relationship();
        for (int j = 0; j < nodes.size(); j++) {
            if (j != k && nodes.get(j).relationship() == r) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the rows pair each child of to-many node {@code k} with its parent once its entry carries the read's
     * mark, so that no map of the pairs seen is needed: a one-to-many child has one parent (its row's key), and no
     * other node reads entities of its hierarchy, whose marks would mix with its own.
     */
    private static boolean pairedByMark(List<LoadPlan> nodes, int k) {
        LoadPlan node = nodes.get(k);
        if (node.relationship().kind() != RelationshipModel.Kind.ONE_TO_MANY) {
            return false;
        }
        Class<?> root = node.entity().rootType();
        for (int j = 0; j < nodes.size(); j++) {
            if (j != k && nodes.get(j).entity().rootType() == root) {
                return false;
            }
        }
        return true;
    }

    /**
     * For an inverse one-to-one or one-to-many {@code r} just loaded with {@code child}: points the child's to-one
     * back at {@code parent}, unless the application cleared it or it holds another loaded instance.
     */
    private static void setInverse(RelationshipModel r, Object parent, Object child, EntityEntry ce) {
        if (r.owning() || r.inverse() == null || r.inverse().toMany()) {
            return;
        }
        Object current = r.inverse().accessor().get(child);
        boolean cleared = current == null && ce != null && ce.heldToOne(r.inverse());
        if (!cleared && (current == null || current != parent && !Loading.isLoaded(current))) {
            r.inverse().accessor().set(child, parent);
            if (ce != null) {
                ce.markToOne(r.inverse());
            }
        }
    }

    /**
     * Whether the rows have not paired {@code child} with {@code parent} before; notes the pair. {@code seen} maps each
     * child to its parent, or to a {@link Parents} when rows give it several (many-to-many): a one-to-many child has
     * one parent, so its repeated rows cost a lookup and no allocation.
     */
    private static boolean firstPair(Map<Object, Object> seen, Object parent, Object child) {
        Object known = seen.putIfAbsent(child, parent);
        if (known == null) {
            return true;
        }
        if (known == parent) {
            return false;
        }
        Parents parents;
        if (known instanceof Parents) {
            parents = (Parents) known;
        } else {
            parents = new Parents(known);
            seen.put(child, parents);
        }
        return parents.set.add(parent);
    }

    /** The parents rows have paired one child with, when more than one (compared by identity). */
    private static final class Parents {
        private final java.util.Set<Object> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Parents(Object first) {
            set.add(first);
        }
    }
}
