package io.athanor.orm.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class whose mapped fields (id, version, audit columns, relationships) every entity extending it
 * maps as its own, in its own table. It is not an entity: it has no table, cannot be queried and is not
 * registered. Mapped superclasses may extend each other, and may be generic ({@code BaseEntity<ID>}):
 * a field typed by a type variable maps as the type the entity gives it.
 *
 * <pre>{@code
 * @MappedSuperclass
 * public abstract class BaseEntity<ID> {
 *     @Id @GeneratedValue ID id;
 *     @Version long version;
 * }
 *
 * @Entity
 * public class Customer extends BaseEntity<Long> { String name; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MappedSuperclass {
}
