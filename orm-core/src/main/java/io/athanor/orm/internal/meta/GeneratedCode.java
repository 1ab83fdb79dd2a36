package io.athanor.orm.internal.meta;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What the classes generated per entity share (the fillers that load instances, the comparators a flush uses): a
 * method body written with ASM, an {@code int} constant pushed in its shortest form, and the class defined as a
 * hidden nestmate of the entity, so that it reaches even private members. Stateless; thread-safe.
 */
public final class GeneratedCode {
    private GeneratedCode() {
    }

    /** A method body written by {@link #apply}, which leaves the instrumented type as it is. */
    public abstract static class Body implements Implementation, ByteCodeAppender {
        @Override
        public InstrumentedType prepare(InstrumentedType instrumentedType) {
            return instrumentedType;
        }

        @Override
        public ByteCodeAppender appender(Target implementationTarget) {
            return this;
        }
    }

    /** Pushes {@code value} on the operand stack. */
    public static void push(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /**
     * Defines {@code bytes} as a hidden nestmate of {@code entity} and makes one instance of it with its no-argument
     * constructor.
     *
     * @throws IllegalAccessException when Athanor has no full access to the entity's module
     * @throws Throwable              whatever defining or constructing it throws ({@link LinkageError} when the entity's
     *                                class loader cannot see the generated class's supertypes)
     */
    public static Object defineNestmate(Class<?> entity, byte[] bytes) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(entity, MethodHandles.lookup());
        MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
        return hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
    }
}
