package io.athanor.orm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.SessionFactory;
import io.athanor.orm.enhance.AthanorAgent;
import io.athanor.orm.enhance.EntityEnhancer;
import io.athanor.orm.error.AthanorException;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load-time path: classes defined through the agent's transformer behave as build-time enhanced ones;
 * and the build-time entry point's errors.
 */
class AgentTransformerTest {
    private static final String PACKAGE = "io.athanor.orm.model.loading.";

    /** Defines the loading model's classes itself, through the agent's transformer, as the JVM would under -javaagent. */
    private static final class TransformingLoader extends ClassLoader {
        private final ClassFileTransformer transformer = AthanorAgent.transformer();

        TransformingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE) || name.endsWith("_")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] plain = in.readAllBytes();
                        byte[] changed = transformer.transform(this, name.replace('.', '/'), null, null, plain);
                        byte[] bytes = changed == null ? plain : changed;
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException | IllegalClassFormatException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

    @Test
    void classesTheAgentTransformedKeepBothSidesInStep() throws Exception {
        ClassLoader loader = new TransformingLoader(getClass().getClassLoader());
        Class<?> album = loader.loadClass(PACKAGE + "Album");
        Class<?> genre = loader.loadClass(PACKAGE + "Genre");
        Class<?> track = loader.loadClass(PACKAGE + "Track");
        assertThat(EntityEnhancer.isEnhanced(album)).isTrue();
        assertThat(EntityEnhancer.isEnhanced(io.athanor.orm.model.loading.Album.class)).as("the plain copy").isFalse();
        SessionFactory.builder(TestDatabase.create(DatabaseKind.H2, "agent").engine())
                .entities(album, genre, track).build();

        Object abbeyRoad = album.getConstructor(String.class).newInstance("Abbey Road");
        Object rock = genre.getConstructor(String.class).newInstance("Rock");
        collection(abbeyRoad, "getGenres").add(rock);
        assertThat(collection(rock, "getAlbums")).containsExactly(abbeyRoad);

        Object something = track.getConstructor(String.class, int.class, album).newInstance("Something", 2, abbeyRoad);
        assertThat(collection(abbeyRoad, "getTracks")).as("set in the constructor").containsExactly(something);
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> collection(Object owner, String getter) throws Exception {
        return (Collection<Object>) owner.getClass().getMethod(getter).invoke(owner);
    }

    @Test
    void theBuildStepRefusesWhatIsNotADirectoryOfClassesAndCountsWhatItChanged(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> EntityEnhancer.main())
                .isInstanceOf(AthanorException.class).hasMessageContaining("target/classes");
        assertThatThrownBy(() -> EntityEnhancer.enhanceDirectory(dir.resolve("missing")))
                .isInstanceOf(AthanorException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> EntityEnhancer.enhance(new byte[] {1, 2, 3}))
                .isInstanceOf(AthanorException.class).hasMessageContaining("Could not read a class file");

        for (String name : List.of("Album", "Genre", "Customer")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                    PACKAGE.replace('.', '/') + name + ".class")) {
                Files.write(dir.resolve(name + ".class"), in.readAllBytes());
            }
        }
        assertThat(EntityEnhancer.enhanceDirectory(dir)).isEqualTo(3);
        assertThat(EntityEnhancer.enhanceDirectory(dir)).as("a second run changes nothing").isZero();
    }

    @Test
    void aConstructorThatMakesObjectsBeforeItsSuperCallStillVerifies() throws Exception {
        // What javac 25 may emit for a constructor prologue (JEP 513): objects made, and a field of this
        // class stored, before super(); only the store after super() may be redirected.
        String name = "io/athanor/orm/sync/GeneratedEarly";
        String band = "Lio/athanor/orm/model/sync/Band;";
        net.bytebuddy.jar.asm.ClassWriter cw = new net.bytebuddy.jar.asm.ClassWriter(net.bytebuddy.jar.asm.ClassWriter.COMPUTE_MAXS);
        cw.visit(net.bytebuddy.jar.asm.Opcodes.V17, net.bytebuddy.jar.asm.Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        cw.visitAnnotation("Lio/athanor/orm/annotations/Entity;", true).visitEnd();
        var field = cw.visitField(net.bytebuddy.jar.asm.Opcodes.ACC_PRIVATE, "band", band, null, null);
        field.visitAnnotation("Lio/athanor/orm/annotations/ManyToOne;", true).visitEnd();
        field.visitEnd();
        var init = cw.visitMethod(net.bytebuddy.jar.asm.Opcodes.ACC_PUBLIC, "<init>", "(" + band + ")V", null, null);
        init.visitCode();
        init.visitTypeInsn(net.bytebuddy.jar.asm.Opcodes.NEW, "java/lang/Object");
        init.visitInsn(net.bytebuddy.jar.asm.Opcodes.DUP);
        init.visitMethodInsn(net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(net.bytebuddy.jar.asm.Opcodes.POP);
        init.visitVarInsn(net.bytebuddy.jar.asm.Opcodes.ALOAD, 0);
        init.visitVarInsn(net.bytebuddy.jar.asm.Opcodes.ALOAD, 1);
        init.visitFieldInsn(net.bytebuddy.jar.asm.Opcodes.PUTFIELD, name, "band", band);
        init.visitVarInsn(net.bytebuddy.jar.asm.Opcodes.ALOAD, 0);
        init.visitMethodInsn(net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(net.bytebuddy.jar.asm.Opcodes.ALOAD, 0);
        init.visitVarInsn(net.bytebuddy.jar.asm.Opcodes.ALOAD, 1);
        init.visitFieldInsn(net.bytebuddy.jar.asm.Opcodes.PUTFIELD, name, "band", band);
        init.visitInsn(net.bytebuddy.jar.asm.Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        cw.visitEnd();
        byte[] plain = cw.toByteArray();
        byte[] enhanced = EntityEnhancer.enhance(plain);
        assertThat(enhanced).isNotSameAs(plain);

        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                if (!n.equals(name.replace('/', '.'))) {
                    throw new ClassNotFoundException(n);
                }
                return defineClass(n, enhanced, 0, enhanced.length);
            }
        };
        Class<?> early = loader.loadClass(name.replace('/', '.'));
        assertThat(EntityEnhancer.isEnhanced(early)).isTrue();
        io.athanor.orm.model.sync.Band beatles = new io.athanor.orm.model.sync.Band("Beatles");
        Object instance = early.getConstructor(io.athanor.orm.model.sync.Band.class).newInstance(beatles);
        java.lang.reflect.Field f = early.getDeclaredField("band");
        f.setAccessible(true);
        assertThat(f.get(instance)).isSameAs(beatles);
    }

    @Test
    void aJvmStartedWithTheAgentEnhancesEntitiesAsTheyLoad(@TempDir Path dir) throws Exception {
        Path agent = dir.resolve("agent.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", AthanorAgent.class.getName());
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(agent), manifest)) {
            jar.flush();
        }
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = dir.resolve("probe.out");
        Process p = new ProcessBuilder(javaCommand.toString(), "-javaagent:" + agent, "-cp", System.getProperty("java.class.path"),
                AgentProbe.class.getName()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean exited = p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES);
        if (!exited) {
            p.destroyForcibly();
        }
        String out = Files.readString(output);
        assertThat(exited).as("the probe JVM ended; it wrote:%n%s", out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("enhanced=true tracks=true albums=true");
    }
}
