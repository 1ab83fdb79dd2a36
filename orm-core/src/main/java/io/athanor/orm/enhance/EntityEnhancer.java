package io.athanor.orm.enhance;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.internal.enhance.EntityClassRewriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites compiled entity classes so that each write of a relationship field keeps the other side of
 * a two-way relationship in step at once: {@code order.setUser(user)} adds the order to
 * {@code user.getOrders()} (and takes it out of its previous user's), {@code user.getOrders().add(order)}
 * sets {@code order.getUser()}, and one-to-one and many-to-many pairs likewise.
 *
 * <p>Every other write of an instance field of the class is reported to the session holding the instance
 * ({@link Tracked}), so a flush looks only at the instances written since the last one.
 *
 * <p>Classes annotated {@code @Entity} are rewritten; others, and classes rewritten before, are left as
 * they are, so running it twice is harmless. The rewrite changes only the instructions that store into
 * fields of the class itself; writes from nested or other classes, and through reflection, are not seen
 * (a commit still finds them by comparison). Run it on the compiled classes before they are packaged, e.g. with Maven:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>org.codehaus.mojo</groupId>
 *   <artifactId>exec-maven-plugin</artifactId>
 *   <executions><execution>
 *     <id>enhance-entities</id><phase>process-classes</phase><goals><goal>java</goal></goals>
 *     <configuration>
 *       <mainClass>io.athanor.orm.enhance.EntityEnhancer</mainClass>
 *       <arguments><argument>${project.build.outputDirectory}</argument></arguments>
 *     </configuration>
 *   </execution></executions>
 * </plugin>
 * }</pre>
 *
 * <p>Or at load time: {@code java -javaagent:orm-core.jar ...} (see {@link AthanorAgent}). Stateless and
 * thread-safe.
 */
public final class EntityEnhancer {
    private static final Logger LOG = LoggerFactory.getLogger(EntityEnhancer.class);

    private EntityEnhancer() {
    }

    /**
     * Rewrites one class file.
     *
     * @return the rewritten class file, or {@code classFile} itself when there is nothing to do
     * @throws AthanorException if the bytes are not a class file this Java version can read
     */
    public static byte[] enhance(byte[] classFile) {
        try {
            byte[] rewritten = EntityClassRewriter.rewrite(classFile);
            return rewritten == null ? classFile : rewritten;
        } catch (RuntimeException e) {
            throw new AthanorException("Could not read a class file to enhance (" + e + "). Is it a class compiled for "
                    + "a Java version this one understands?", e);
        }
    }

    /** Whether {@code type} was rewritten by this enhancer. */
    public static boolean isEnhanced(Class<?> type) {
        return Enhanced.class.isAssignableFrom(type);
    }

    /**
     * Rewrites, in place, every entity class file under {@code classes} (a directory of compiled classes).
     *
     * @return how many class files were rewritten
     * @throws AthanorException if the directory does not exist or a file cannot be read or written
     */
    public static int enhanceDirectory(Path classes) {
        if (!Files.isDirectory(classes)) {
            throw new AthanorException("Cannot enhance " + classes.toAbsolutePath() + ": it is not a directory. Give the "
                    + "directory compiled classes are written to, e.g. target/classes.");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new AthanorException("Cannot list the classes under " + classes.toAbsolutePath() + ": " + e, e);
        }
        int count = 0;
        for (Path file : files) {
            try {
                byte[] before = Files.readAllBytes(file);
                byte[] after = enhance(before);
                if (after != before) {
                    Files.write(file, after);
                    count++;
                }
            } catch (IOException | UncheckedIOException e) {
                throw new AthanorException("Cannot enhance " + file.toAbsolutePath() + ": " + e, e);
            }
        }
        return count;
    }

    /**
     * Enhances each directory given: {@code java -cp ... io.athanor.orm.enhance.EntityEnhancer target/classes}.
     *
     * @throws AthanorException if no directory is given or one cannot be enhanced
     */
    public static void main(String... directories) {
        if (directories.length == 0) {
            throw new AthanorException("Give the directories of compiled classes to enhance, e.g. target/classes.");
        }
        for (String d : directories) {
            int count = enhanceDirectory(Paths.get(d));
            LOG.info("Enhanced {} entity class(es) in {}", count, d);
        }
    }
}
