package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the root entity of a class hierarchy whose subclasses are entities too, and says how they are
 * stored. With {@link InheritanceType#SINGLE_TABLE} (the default) every entity of the hierarchy lives in the
 * root's table; a {@link DiscriminatorColumn} (default {@code dtype}, a string) holds each row's
 * {@link DiscriminatorValue}, and the subclasses' columns are nullable. Queries of the root return instances
 * of the subclasses; queries of a subclass return its rows and those of its own subclasses. The root may be
 * abstract.
 *
 * <p>With {@link InheritanceType#JOINED} the root's table holds the id (and version, and a discriminator if one is
 * declared) and the root's fields, and each subclass has a table of its own ({@code @Table} on the subclass, by
 * default its snake-case name) holding its own fields, keyed by the same id ({@link PrimaryKeyJoinColumn}).
 * Without a {@link DiscriminatorColumn}, the class of a row is told by which subclass tables have a row for it.
 *
 * <pre>{@code
 * @Entity @Inheritance @DiscriminatorColumn(name = "kind")
 * public abstract class Payment { @Id @GeneratedValue Long id; BigDecimal amount; }
 *
 * @Entity @DiscriminatorValue("card")
 * public class CardPayment extends Payment { String cardNumber; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Inheritance {

    /**
     * The strategy: {@link InheritanceType#SINGLE_TABLE} or {@link InheritanceType#JOINED};
     * {@link InheritanceType#TABLE_PER_CLASS} is refused at start-up.
     */
    InheritanceType strategy() default InheritanceType.SINGLE_TABLE;
}
