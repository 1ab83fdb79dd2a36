package io.athanor.orm.internal.meta;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.matcher.ElementMatchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates, per entity, the {@link InstanceFiller} that loading uses for each new instance: a hidden class defined
 * as a nestmate of the entity, so it calls even a private constructor with {@code new} and writes private fields with
 * {@code putfield}. An entity gets none (and loads through {@link PropertyAssigner}, as before) when it is abstract,
 * has no no-argument constructor of its own or one that declares checked exceptions, maps a property that is not a
 * field of the entity a nestmate can write (embedded values, a superclass's private field, a final field), or lives
 * where a nestmate cannot be defined (another module or class loader than Athanor's); logged at debug. Thread-safe:
 * stateless.
 */
final class InstanceFillers {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceFillers.class);
    /** {@code -Dathanor.load.generatedFillers=false} loads every instance the general way (for A/B runs). */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("athanor.load.generatedFillers"));

    private static final String BASE = Type.getInternalName(InstanceFiller.class);

    private InstanceFillers() {
    }

    /** The filler of {@code model}'s instances, or {@code null} where none can be generated. */
    static InstanceFiller generate(EntityModel model) {
        if (!ENABLED) {
            return null;
        }
        Class<?> entity = model.type();
        String why = unsupported(model, entity);
        if (why != null) {
            LOG.debug("Loading makes and fills instances of {} the general way: {}", entity.getName(), why);
            return null;
        }
        List<PropertyModel> properties = model.properties();
        Field[] fields = new Field[properties.size()];
        boolean[] nullable = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = properties.get(i).accessor().field();
            nullable[i] = properties.get(i).column().nullable();
        }
        try {
            byte[] bytes = new ByteBuddy(ClassFileVersion.JAVA_V11)
                    .subclass(InstanceFiller.class, ConstructorStrategy.Default.DEFAULT_CONSTRUCTOR)
                    .name(entity.getName() + "$AthanorFiller")
                    .method(ElementMatchers.named("create"))
                    .intercept(new Create(Type.getInternalName(entity)))
                    .method(ElementMatchers.named("fill"))
                    .intercept(new Fill(Type.getInternalName(entity), fields, model.propertyColumns(), nullable))
                    .make()
                    .getBytes();
            InstanceFiller filler = (InstanceFiller) GeneratedCode.defineNestmate(entity, bytes);
            filler.bind(properties);
            return filler;
        } catch (IllegalAccessException | LinkageError | RuntimeException e) {
            LOG.debug("Loading makes and fills instances of {} the general way: no class could be generated for it ({}). "
                    + "The faster way needs the entity in Athanor's module (the same class loader, on the class path).",
                    entity.getName(), e.toString());
            return null;
        } catch (Throwable t) {
            if (t instanceof Error) {
                throw (Error) t;
            }
            LOG.debug("Loading makes and fills instances of {} the general way: {}", entity.getName(), t.toString());
            return null;
        }
    }

    /** Why {@code entity}'s instances cannot be made and filled by a generated class; {@code null} if they can. */
    private static String unsupported(EntityModel model, Class<?> entity) {
        if (entity.isInterface() || entity.isArray() || entity.isPrimitive() || Modifier.isAbstract(entity.getModifiers())) {
            return "it is not a concrete class";
        }
        try {
            Constructor<?> ctor = entity.getDeclaredConstructor();
            for (Class<?> thrown : ctor.getExceptionTypes()) {
                if (!RuntimeException.class.isAssignableFrom(thrown) && !Error.class.isAssignableFrom(thrown)) {
                    return "its no-argument constructor declares " + thrown.getName();
                }
            }
        } catch (NoSuchMethodException e) {
            return "it declares no no-argument constructor";
        }
        for (PropertyModel p : model.properties()) {
            if (!(p.accessor() instanceof FieldAccessor)) {
                return "property " + p.path() + " is not a field of the entity itself";
            }
            Field f = p.accessor().field();
            if (!writable(f, entity)) {
                return "field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                        + " cannot be written by a class in " + entity.getPackageName();
            }
        }
        return null;
    }

    /** Whether a nestmate of {@code entity}, defined in its package, can write {@code f} with {@code putfield}. */
    private static boolean writable(Field f, Class<?> entity) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isFinal(mod)) {
            return false;
        }
        Class<?> owner = f.getDeclaringClass();
        if (owner == entity) {
            return true;
        }
        return owner.isAssignableFrom(entity) && !Modifier.isPrivate(mod)
                && owner.getClassLoader() == entity.getClassLoader() && owner.getPackageName().equals(entity.getPackageName());
    }

    /** {@code create()}: {@code return new Entity();}. */
    private static final class Create extends GeneratedCode.Body {
        private final String entity;

        Create(String entity) {
            this.entity = entity;
        }

        @Override
        public Size apply(MethodVisitor mv, Context context, MethodDescription method) {
            mv.visitTypeInsn(Opcodes.NEW, entity);
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, entity, "<init>", "()V", false);
            mv.visitInsn(Opcodes.ARETURN);
            return new Size(2, 1);
        }
    }

    /**
     * {@code fill(Object instance, Object[] values)}: per property, {@code v = values[column]}; a non-null {@code v}
     * is cast (unboxed for a primitive field) and written; a null is written where the column is nullable (a primitive
     * field goes to {@link InstanceFiller#nullIntoPrimitive}), else the field keeps its value.
     */
    private static final class Fill extends GeneratedCode.Body {
        private static final int THIS = 0;
        private static final int INSTANCE = 1;
        private static final int VALUES = 2;
        private static final int ENTITY = 3;
        private static final int VALUE = 4;

        private final String entity;
        private final Field[] fields;
        private final int[] columns;
        private final boolean[] nullable;

        Fill(String entity, Field[] fields, int[] columns, boolean[] nullable) {
            this.entity = entity;
            this.fields = fields;
            this.columns = columns;
            this.nullable = nullable;
        }

        @Override
        public Size apply(MethodVisitor mv, Context context, MethodDescription method) {
            mv.visitVarInsn(Opcodes.ALOAD, INSTANCE);
            mv.visitTypeInsn(Opcodes.CHECKCAST, entity);
            mv.visitVarInsn(Opcodes.ASTORE, ENTITY);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitVarInsn(Opcodes.ASTORE, VALUE);
            for (int i = 0; i < fields.length; i++) {
                Field f = fields[i];
                Class<?> t = f.getType();
                String owner = Type.getInternalName(f.getDeclaringClass());
                String desc = Type.getDescriptor(t);
                Label isNull = new Label();
                Label next = new Label();
                mv.visitVarInsn(Opcodes.ALOAD, VALUES);
                GeneratedCode.push(mv, columns[i]);
                mv.visitInsn(Opcodes.AALOAD);
                mv.visitVarInsn(Opcodes.ASTORE, VALUE);
                mv.visitVarInsn(Opcodes.ALOAD, VALUE);
                mv.visitJumpInsn(Opcodes.IFNULL, nullable[i] ? isNull : next); // a NULL it does not take: left as it is
                mv.visitVarInsn(Opcodes.ALOAD, ENTITY);
                mv.visitVarInsn(Opcodes.ALOAD, VALUE);
                if (t.isPrimitive()) {
                    String box = Type.getInternalName(io.athanor.orm.internal.types.ColumnTypes.box(t));
                    mv.visitTypeInsn(Opcodes.CHECKCAST, box);
                    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, t.getName() + "Value", "()" + desc, false);
                } else if (t != Object.class) {
                    mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(t));
                }
                mv.visitFieldInsn(Opcodes.PUTFIELD, owner, f.getName(), desc);
                if (nullable[i]) {
                    mv.visitJumpInsn(Opcodes.GOTO, next);
                    frame(mv, isNull);
                    if (t.isPrimitive()) {
                        mv.visitVarInsn(Opcodes.ALOAD, THIS);
                        mv.visitVarInsn(Opcodes.ALOAD, INSTANCE);
                        GeneratedCode.push(mv, i);
                        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, "nullIntoPrimitive", "(Ljava/lang/Object;I)V", false);
                    } else {
                        mv.visitVarInsn(Opcodes.ALOAD, ENTITY);
                        mv.visitInsn(Opcodes.ACONST_NULL);
                        mv.visitFieldInsn(Opcodes.PUTFIELD, owner, f.getName(), desc);
                    }
                }
                frame(mv, next);
            }
            mv.visitInsn(Opcodes.RETURN);
            return new Size(4, 5);
        }

        private void frame(MethodVisitor mv, Label label) {
            mv.visitLabel(label);
            mv.visitFrame(Opcodes.F_FULL, 5,
                    new Object[] {BASE, "java/lang/Object", "[Ljava/lang/Object;", entity, "java/lang/Object"}, 0, new Object[0]);
        }
    }
}
