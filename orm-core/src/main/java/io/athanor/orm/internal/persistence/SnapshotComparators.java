package io.athanor.orm.internal.persistence;

import io.athanor.orm.internal.meta.GeneratedCode;
import io.athanor.orm.internal.meta.PropertyModel;
import io.athanor.orm.internal.state.EntityEntry;
import io.athanor.orm.internal.types.ColumnType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.matcher.ElementMatchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates, per entity, the {@link SnapshotComparator} a flush uses to tell whether a held instance of a class that
 * reports no writes of its own has changed: a hidden class defined as a nestmate of the entity, so it reads even
 * private fields with {@code getfield}. What it compares at field speed, and how, is exactly what
 * {@link ColumnType#same} (by default {@link io.athanor.orm.internal.state.Values#same}) would answer:
 * <ul>
 * <li>a primitive field: its value against the snapshot's box, unboxed ({@code float} and {@code double} by their
 *     bits, as {@code Float.equals} and {@code Double.equals} compare); a snapshot that holds no such box differs;</li>
 * <li>a reference field whose declared type can hold neither a {@code BigDecimal} nor a {@code byte[]}: identical,
 *     else not null and {@code equals};</li>
 * <li>any other reference field: identical, else {@code Values.same} (decimals by value, byte arrays by content).</li>
 * </ul>
 * Columns of types that change in place or compare their own way (arrays, lists, JSON), embedded values, fields a
 * nestmate cannot read (private fields of a superclass, fields of another package), a discriminator, and a
 * to-one whose field holds a parent go through {@link WritePlan#columnDiffers}, as before. Defining a nestmate needs
 * full access to the entity's module, so an entity in another module than Athanor's (a named module, or the unnamed
 * module of another class loader), or whose class loader cannot see Athanor's classes, gets no comparator (logged at
 * debug).
 * Thread-safe: stateless.
 */
final class SnapshotComparators {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotComparators.class);
    /** {@code -Dathanor.flush.generatedComparators=false} compares every column the general way (for A/B runs). */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("athanor.flush.generatedComparators"));

    private static final String BASE = Type.getInternalName(SnapshotComparator.class);
    private static final String ENTRY = Type.getInternalName(EntityEntry.class);

    private SnapshotComparators() {
    }

    /** The comparator for {@code plan}'s entity, or {@code null} where none can be generated (the general path then). */
    static SnapshotComparator generate(WritePlan plan) {
        if (!ENABLED) {
            return null;
        }
        Class<?> entity = plan.model.type();
        if (entity.isInterface() || entity.isArray() || entity.isPrimitive()) {
            return null;
        }
        List<String> general = new ArrayList<>();
        List<Step> steps = steps(plan, entity, general);
        if (steps.stream().allMatch(s -> s.field == null)) {
            LOG.debug("Flushes compare {} the general way: none of its columns is a field a generated class can read ({})",
                    entity.getName(), general);
            return null;
        }
        try {
            byte[] bytes = new ByteBuddy(ClassFileVersion.JAVA_V11)
                    .subclass(SnapshotComparator.class, ConstructorStrategy.Default.DEFAULT_CONSTRUCTOR)
                    .name(entity.getName() + "$AthanorComparator")
                    .method(ElementMatchers.named("differs"))
                    .intercept(new Generated(Type.getInternalName(entity), steps))
                    .make()
                    .getBytes();
            SnapshotComparator comparator = (SnapshotComparator) GeneratedCode.defineNestmate(entity, bytes);
            comparator.bind(plan);
            if (!general.isEmpty()) {
                LOG.debug("Flushes compare {} with a generated class; the general way for {}", entity.getName(), general);
            }
            return comparator;
        } catch (IllegalAccessException | LinkageError | RuntimeException e) {
            LOG.debug("Flushes compare {} the general way: no comparator could be generated for it ({}). The faster "
                    + "comparison needs the entity in Athanor's module (the same class loader, on the class path).", entity.getName(),
                    e.toString());
            return null;
        } catch (Throwable t) {
            if (t instanceof Error) {
                throw (Error) t;
            }
            LOG.debug("Flushes compare {} the general way: {}", entity.getName(), t.toString());
            return null;
        }
    }

    /** What the generated code does for each column, in column order. */
    private static List<Step> steps(WritePlan plan, Class<?> entity, List<String> general) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < plan.columns.size(); i++) {
            WritePlan.Column c = plan.columns.get(i);
            Field field = c.property == null ? null : fieldOf(c.property, c.model.type(), entity);
            Field parent = null;
            if (c.relation != null) {
                parent = readable(c.relation.accessor().field(), entity) ? c.relation.accessor().field() : null;
                if (parent == null) {
                    field = null;
                }
            }
            if (field == null) {
                general.add(c.model.name());
            }
            steps.add(new Step(i, field, parent));
        }
        return steps;
    }

    /** {@code property}'s field if generated code can compare it at field speed with the same answer as {@code type}. */
    private static Field fieldOf(PropertyModel property, ColumnType type, Class<?> entity) {
        Field f = property.accessor().field();
        if (!readable(f, entity) || type.mutable()) {
            return null;
        }
        try {
            if (type.getClass().getMethod("same", Object.class, Object.class).getDeclaringClass() != ColumnType.class) {
                return null; // compares its own way
            }
        } catch (NoSuchMethodException e) {
            return null;
        }
        return f;
    }

    /** Whether a nestmate of {@code entity}, defined in its package, can read {@code f} with {@code getfield}. */
    private static boolean readable(Field f, Class<?> entity) {
        if (f == null || Modifier.isStatic(f.getModifiers())) {
            return false;
        }
        Class<?> owner = f.getDeclaringClass();
        if (owner == entity) {
            return true;
        }
        return owner.isAssignableFrom(entity) && !Modifier.isPrivate(f.getModifiers())
                && owner.getClassLoader() == entity.getClassLoader() && owner.getPackageName().equals(entity.getPackageName());
    }

    /** Whether {@code Values.same} may compare values of a field of type {@code t} other than by {@code equals}. */
    private static boolean mayHoldSpecial(Class<?> t) {
        return t.isAssignableFrom(BigDecimal.class) || BigDecimal.class.isAssignableFrom(t) || t.isAssignableFrom(byte[].class);
    }

    /**
     * Column {@code index}: compare {@code field} (null: the general way); where {@code parent} is set, the column is
     * a to-one's, compared the general way while that field holds a parent.
     */
    private record Step(int index, Field field, Field parent) {
    }

    /** The body of {@code differs(Object instance, Object[] snapshot, EntityEntry entry)}. */
    private static final class Generated extends GeneratedCode.Body {
        private static final int THIS = 0;
        private static final int SNAPSHOT = 2;
        private static final int ENTRY_LOCAL = 3;
        private static final int ENTITY = 4;

        private final String entity;
        private final List<Step> steps;

        Generated(String entity, List<Step> steps) {
            this.entity = entity;
            this.steps = steps;
        }

        @Override
        public Size apply(MethodVisitor mv, Context context, net.bytebuddy.description.method.MethodDescription method) {
            Label differs = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitTypeInsn(Opcodes.CHECKCAST, entity);
            mv.visitVarInsn(Opcodes.ASTORE, ENTITY);
            for (Step s : steps) {
                if (s.field == null) {
                    general(mv, s.index, differs);
                    continue;
                }
                Label next = new Label();
                if (s.parent != null) {
                    Label noParent = new Label();
                    getField(mv, s.parent);
                    mv.visitJumpInsn(Opcodes.IFNULL, noParent);
                    general(mv, s.index, differs);
                    mv.visitJumpInsn(Opcodes.GOTO, next);
                    frame(mv, noParent);
                }
                boolean jumpsToNext = s.parent != null;
                if (s.field.getType().isPrimitive()) {
                    primitive(mv, s, differs);
                } else {
                    reference(mv, s, differs, next);
                    jumpsToNext = true;
                }
                if (jumpsToNext) {
                    frame(mv, next);
                }
            }
            mv.visitInsn(Opcodes.ICONST_0);
            mv.visitInsn(Opcodes.IRETURN);
            frame(mv, differs);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.IRETURN);
            return new Size(6, 5);
        }

        private void frame(MethodVisitor mv, Label label) {
            mv.visitLabel(label);
            mv.visitFrame(Opcodes.F_FULL, 5, new Object[] {BASE, "java/lang/Object", "[Ljava/lang/Object;", ENTRY, entity},
                    0, new Object[0]);
        }

        private static void general(MethodVisitor mv, int index, Label differs) {
            mv.visitVarInsn(Opcodes.ALOAD, THIS);
            GeneratedCode.push(mv, index);
            mv.visitVarInsn(Opcodes.ALOAD, ENTRY_LOCAL);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, "columnDiffers", "(IL" + ENTRY + ";)Z", false);
            mv.visitJumpInsn(Opcodes.IFNE, differs);
        }

        private void getField(MethodVisitor mv, Field f) {
            mv.visitVarInsn(Opcodes.ALOAD, ENTITY);
            mv.visitFieldInsn(Opcodes.GETFIELD, Type.getInternalName(f.getDeclaringClass()), f.getName(),
                    Type.getDescriptor(f.getType()));
        }

        private static void snapshotValue(MethodVisitor mv, int index) {
            mv.visitVarInsn(Opcodes.ALOAD, SNAPSHOT);
            GeneratedCode.push(mv, index);
            mv.visitInsn(Opcodes.AALOAD);
        }

        /** {@code !(snapshot[i] instanceof Box) || unbox(snapshot[i]) != field} jumps to {@code differs}. */
        private void primitive(MethodVisitor mv, Step s, Label differs) {
            Class<?> t = s.field.getType();
            Class<?> box = box(t);
            String boxName = Type.getInternalName(box);
            snapshotValue(mv, s.index);
            mv.visitTypeInsn(Opcodes.INSTANCEOF, boxName);
            mv.visitJumpInsn(Opcodes.IFEQ, differs);
            snapshotValue(mv, s.index);
            mv.visitTypeInsn(Opcodes.CHECKCAST, boxName);
            String desc = Type.getDescriptor(t);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, boxName, t.getName() + "Value", "()" + desc, false);
            if (t == float.class) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToIntBits", "(F)I", false);
            } else if (t == double.class) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToLongBits", "(D)J", false);
            }
            getField(mv, s.field);
            if (t == float.class) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToIntBits", "(F)I", false);
            } else if (t == double.class) {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToLongBits", "(D)J", false);
            }
            if (t == long.class || t == double.class) {
                mv.visitInsn(Opcodes.LCMP);
                mv.visitJumpInsn(Opcodes.IFNE, differs);
            } else {
                mv.visitJumpInsn(Opcodes.IF_ICMPNE, differs);
            }
        }

        /** Identical goes to {@code next}; otherwise {@code equals} (or {@code Values.same}) decides. */
        private void reference(MethodVisitor mv, Step s, Label differs, Label next) {
            getField(mv, s.field);
            snapshotValue(mv, s.index);
            mv.visitJumpInsn(Opcodes.IF_ACMPEQ, next);
            if (mayHoldSpecial(s.field.getType())) {
                getField(mv, s.field);
                snapshotValue(mv, s.index);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, BASE, "same", "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                mv.visitJumpInsn(Opcodes.IFEQ, differs);
            } else {
                getField(mv, s.field);
                mv.visitJumpInsn(Opcodes.IFNULL, differs);
                getField(mv, s.field);
                snapshotValue(mv, s.index);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "equals", "(Ljava/lang/Object;)Z", false);
                mv.visitJumpInsn(Opcodes.IFEQ, differs);
            }
        }

        private static Class<?> box(Class<?> primitive) {
            return io.athanor.orm.internal.types.ColumnTypes.box(primitive);
        }
    }
}
