package io.athanor.orm.internal.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Writes a row's values into an instance's mapped fields. Plain fields are set one by one; the components
 * of an embedded record (nested records included) are gathered and the record is built once through its
 * canonical constructor, so a constructor that checks its arguments only ever sees the whole row.
 * Immutable and thread-safe.
 */
public final class PropertyAssigner {
    private final Accessor[] all;
    private final Accessor[] plain;
    private final List<Group> groups;

    PropertyAssigner(List<PropertyModel> properties) {
        all = properties.stream().map(PropertyModel::accessor).toArray(Accessor[]::new);
        plain = new Accessor[properties.size()];
        Map<Accessor, Group> byTop = new LinkedHashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            Accessor a = properties.get(i).accessor();
            if (!(a instanceof RecordComponentAccessor component)) {
                plain[i] = a;
                continue;
            }
            List<RecordComponentAccessor> chain = new ArrayList<>();
            chain.add(0, component);
            while (chain.get(0).holder() instanceof RecordComponentAccessor up) {
                chain.add(0, up);
            }
            RecordComponentAccessor outermost = chain.get(0);
            Group g = byTop.computeIfAbsent(outermost.holder(), top -> new Group(top, outermost.shape()));
            int[] path = new int[chain.size()];
            RecordShape[] shapes = new RecordShape[chain.size()];
            for (int k = 0; k < chain.size(); k++) {
                path[k] = chain.get(k).index();
                shapes[k] = chain.get(k).shape();
            }
            g.members.add(new Member(i, path, shapes));
        }
        groups = List.copyOf(byTop.values());
    }

    /**
     * Sets the properties {@code write} accepts to {@code values[i]} (indexed as the entity's properties);
     * the others keep their current values, inside records too.
     */
    public void assign(Object instance, Object[] values, IntPredicate write) {
        assign(instance, values, null, write);
    }

    /**
     * As {@link #assign(Object, Object[], IntPredicate)}, with property {@code i}'s value at {@code values[at[i]]}
     * ({@code at} null: at {@code values[i]}), as rows of a single-table hierarchy lay them out.
     */
    public void assign(Object instance, Object[] values, int[] at, IntPredicate write) {
        // values first, then NULLs: an embedded class is created by the first of its fields given a value, and a NULL
        // given before that would leave a field initializer in place that the row does not hold
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] != null && values[at == null ? i : at[i]] != null && write.test(i)) {
                plain[i].set(instance, values[at == null ? i : at[i]]);
            }
        }
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] != null && values[at == null ? i : at[i]] == null && write.test(i)) {
                plain[i].set(instance, null);
            }
        }
        for (Group g : groups) {
            g.assign(instance, values, at, write);
        }
    }

    /**
     * Whether {@link #assign} sets property {@code i} to the value it is given, as it is: a field of the entity itself.
     * {@code false} for the fields of an embedded value: an embedded record's constructor may normalise them, and an
     * embedded class's constructor may set fields the row does not give.
     */
    public boolean setsAsGiven(int i) {
        return plain[i] instanceof FieldAccessor;
    }

    /** Copies the properties {@code copy} accepts from one instance of the entity to another. */
    public void copy(Object from, Object to, IntPredicate copy) {
        Object[] values = new Object[all.length];
        for (int i = 0; i < all.length; i++) {
            if (copy.test(i)) {
                values[i] = all[i].get(from);
            }
        }
        assign(to, values, copy);
    }

    private record Member(int property, int[] path, RecordShape[] shapes) {
    }

    /** The components stored under one outermost embedded record. */
    private static final class Group {
        final Accessor top;
        final RecordShape shape;
        final List<Member> members = new ArrayList<>();

        Group(Accessor top, RecordShape shape) {
            this.top = top;
            this.shape = shape;
        }

        void assign(Object instance, Object[] values, int[] at, IntPredicate write) {
            Node root = null;
            Object current = null;
            for (Member m : members) {
                if (!write.test(m.property())) {
                    continue;
                }
                if (root == null) {
                    current = top.get(instance);
                    root = new Node(shape, current);
                }
                Node n = root;
                int last = m.path().length - 1;
                for (int k = 0; k < last; k++) {
                    n = n.child(m.path()[k], m.shapes()[k + 1]);
                }
                n.values[m.path()[last]] = values[at == null ? m.property() : at[m.property()]];
            }
            if (root != null) {
                Object built = root.build();
                if (!Objects.equals(built, current)) {
                    top.set(instance, built);
                }
            }
        }
    }

    /** A record being assembled: its component values, and the nested records being assembled in it. */
    private static final class Node {
        final RecordShape shape;
        final Object[] values;
        final Node[] children;

        Node(RecordShape shape, Object current) {
            this.shape = shape;
            this.values = shape.values(current);
            this.children = new Node[values.length];
        }

        Node child(int index, RecordShape childShape) {
            if (children[index] == null) {
                children[index] = new Node(childShape, values[index]);
            }
            return children[index];
        }

        Object build() {
            for (int i = 0; i < children.length; i++) {
                if (children[i] != null) {
                    values[i] = children[i].build();
                }
            }
            return shape.build(values);
        }
    }
}
