package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The key column of a subclass's own table in a {@link InheritanceType#JOINED} hierarchy: it holds the same value
 * as the root's id and is both the table's primary key and a foreign key to the table of the entity it extends.
 * Without it the column has the root's id column name. Only a subclass of a joined hierarchy may carry it, and
 * only a single-column id can be renamed this way; anything else is refused at start-up.
 *
 * <pre>{@code
 * @Entity @Table(name = "card_payment") @PrimaryKeyJoinColumn(name = "payment_id")
 * public class CardPayment extends Payment { String cardNumber; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PrimaryKeyJoinColumn {

    /** The column name; defaults to the root's id column name. */
    String name() default "";
}
