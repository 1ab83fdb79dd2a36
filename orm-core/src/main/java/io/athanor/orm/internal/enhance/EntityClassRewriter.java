package io.athanor.orm.internal.enhance;

import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites an entity class so every write of one of its relationship fields goes through a generated
 * static method that reports the write ({@code FieldWrites.write}) and stores what comes back, and every
 * write of any other instance field goes through one that stores the value and tells the session holding
 * the instance ({@code FieldWrites.changed} with the entry kept in the added field {@code athanor$entry}).
 *
 * <p>Only instructions change: a {@code PUTFIELD} becomes an {@code INVOKESTATIC} taking the same two
 * stack values, so stack sizes and frames stay valid and no type needs to be resolved. Writes before the
 * super constructor call are left alone (the instance cannot be passed on yet).
 */
public final class EntityClassRewriter {
    static final String ENHANCED = "io/athanor/orm/enhance/Enhanced";
    static final String TRACKED = "io/athanor/orm/enhance/Tracked";
    private static final String ENTRY = "athanor$entry";
    private static final String SET_PREFIX = "athanor$set$";
    /** Athanor's and Jakarta Persistence's, matched by descriptor: the API need not be present. */
    private static final java.util.Set<String> ENTITY = java.util.Set.of("Lio/athanor/orm/annotations/Entity;",
            "Ljakarta/persistence/Entity;");
    private static final String WRITES = "io/athanor/orm/enhance/FieldWrites";
    private static final String WRITE_DESC =
            "(Ljava/lang/Class;Ljava/lang/Object;Ljava/lang/String;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String PREFIX = "athanor$write$";
    private static final java.util.Set<String> RELATIONSHIPS = java.util.Set.of(
            "Lio/athanor/orm/annotations/ManyToOne;", "Lio/athanor/orm/annotations/OneToOne;",
            "Lio/athanor/orm/annotations/OneToMany;", "Lio/athanor/orm/annotations/ManyToMany;",
            "Ljakarta/persistence/ManyToOne;", "Ljakarta/persistence/OneToOne;",
            "Ljakarta/persistence/OneToMany;", "Ljakarta/persistence/ManyToMany;");

    private EntityClassRewriter() {
    }

    /** The rewritten class, or {@code null} when it is not an entity with instance fields or is already rewritten. */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Scan scan = new Scan();
        reader.accept(scan, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (!scan.entity || scan.enhanced || scan.relationships.isEmpty() && scan.fields.isEmpty()) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new Rewrite(writer, scan), 0);
        return writer.toByteArray();
    }

    /** First pass: is it an entity, is it done already, which fields are relationships. */
    private static final class Scan extends ClassVisitor {
        String name;
        boolean entity;
        boolean enhanced;
        final Map<String, String> relationships = new LinkedHashMap<>();
        /** The other instance fields a write of which is reported (transient ones are not mapped). */
        final Map<String, String> fields = new LinkedHashMap<>();

        Scan() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            for (String i : interfaces == null ? new String[0] : interfaces) {
                enhanced |= i.equals(ENHANCED) || i.equals(TRACKED);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            entity |= ENTITY.contains(descriptor);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
            if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) != 0) {
                return null; // a final field may only be stored by a constructor; the mapping refuses it anyway
            }
            if ((access & (Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC)) == 0) {
                fields.put(field, descriptor);
            }
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (RELATIONSHIPS.contains(annotation)) {
                        relationships.put(field, descriptor);
                        fields.remove(field);
                    }
                    return null;
                }
            };
        }
    }

    /** Second pass: marks the class, redirects the writes, adds one write method per relationship field. */
    private static final class Rewrite extends ClassVisitor {
        private final Scan scan;

        Rewrite(ClassVisitor next, Scan scan) {
            super(Opcodes.ASM9, next);
            this.scan = scan;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            String[] all = new String[interfaces == null ? 2 : interfaces.length + 2];
            if (interfaces != null) {
                System.arraycopy(interfaces, 0, all, 0, interfaces.length);
            }
            all[all.length - 2] = ENHANCED;
            all[all.length - 1] = TRACKED;
            super.visit(version, access, name, signature, superName, all);
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, method, descriptor, signature, exceptions);
            return new Redirect(mv, method.equals("<init>"));
        }

        @Override
        public void visitEnd() {
            for (Map.Entry<String, String> f : scan.relationships.entrySet()) {
                writeMethod(f.getKey(), f.getValue());
            }
            for (Map.Entry<String, String> f : scan.fields.entrySet()) {
                setMethod(f.getKey(), f.getValue());
            }
            entryMembers();
            super.visitEnd();
        }

        /** The field holding the session's entry, and the two methods of {@code Tracked} that read and write it. */
        private void entryMembers() {
            String owner = scan.name;
            super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, ENTRY, "Ljava/lang/Object;",
                    null, null).visitEnd();
            MethodVisitor get = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, ENTRY, "()Ljava/lang/Object;",
                    null, null);
            get.visitCode();
            get.visitVarInsn(Opcodes.ALOAD, 0);
            get.visitFieldInsn(Opcodes.GETFIELD, owner, ENTRY, "Ljava/lang/Object;");
            get.visitInsn(Opcodes.ARETURN);
            get.visitMaxs(1, 1);
            get.visitEnd();
            MethodVisitor set = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, ENTRY, "(Ljava/lang/Object;)V",
                    null, null);
            set.visitCode();
            set.visitVarInsn(Opcodes.ALOAD, 0);
            set.visitVarInsn(Opcodes.ALOAD, 1);
            set.visitFieldInsn(Opcodes.PUTFIELD, owner, ENTRY, "Ljava/lang/Object;");
            set.visitInsn(Opcodes.RETURN);
            set.visitMaxs(2, 2);
            set.visitEnd();
        }

        /** Tells the holding session of the instance in local 0 that it was written: no branch, so no frame to add. */
        private void reportChange(MethodVisitor mv) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, scan.name, ENTRY, "Ljava/lang/Object;");
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WRITES, "changed", "(Ljava/lang/Object;)V", false);
        }

        /** {@code static void athanor$set$field(Owner o, T v) { o.field = v; FieldWrites.changed(o.athanor$entry); }} */
        private void setMethod(String field, String descriptor) {
            String owner = scan.name;
            Type type = Type.getType(descriptor);
            MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    SET_PREFIX + field, "(L" + owner + ";" + descriptor + ")V", null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(type.getOpcode(Opcodes.ILOAD), 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, owner, field, descriptor);
            reportChange(mv);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(1 + type.getSize(), 1 + type.getSize());
            mv.visitEnd();
        }

        private void writeMethod(String field, String descriptor) {
            String owner = scan.name;
            MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    PREFIX + field, "(L" + owner + ";" + descriptor + ")V", null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitLdcInsn(Type.getObjectType(owner));
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitLdcInsn(field);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, owner, field, descriptor);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, WRITES, "write", WRITE_DESC, false);
            mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getType(descriptor).getInternalName());
            mv.visitFieldInsn(Opcodes.PUTFIELD, owner, field, descriptor);
            reportChange(mv);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(6, 2);
            mv.visitEnd();
        }

        /**
         * Replaces the writes of the instance fields of this class; in a constructor only after its
         * {@code super(...)} or {@code this(...)} call, which is the first {@code <init>} call not consuming
         * an object made by a {@code NEW} before it (a constructor prologue may make objects first).
         */
        private final class Redirect extends MethodVisitor {
            private boolean initialized;
            private int unconstructed;

            Redirect(MethodVisitor next, boolean constructor) {
                super(Opcodes.ASM9, next);
                this.initialized = !constructor;
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                super.visitTypeInsn(opcode, type);
                if (!initialized && opcode == Opcodes.NEW) {
                    unconstructed++;
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                if (!initialized && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
                    if (unconstructed > 0) {
                        unconstructed--;
                    } else {
                        initialized = true;
                    }
                }
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                String relationship = scan.relationships.get(name);
                boolean own = initialized && opcode == Opcodes.PUTFIELD && owner.equals(scan.name);
                if (own && descriptor.equals(relationship)) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, scan.name, PREFIX + name,
                            "(L" + owner + ";" + descriptor + ")V", false);
                } else if (own && descriptor.equals(scan.fields.get(name))) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, scan.name, SET_PREFIX + name,
                            "(L" + owner + ";" + descriptor + ")V", false);
                } else {
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                }
            }
        }
    }
}
