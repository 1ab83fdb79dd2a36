package io.athanor.orm;

import io.athanor.orm.query.Expression;
import io.athanor.orm.query.Order;
import java.util.List;
import java.util.stream.Stream;

/**
 * A to-many relationship mapped with {@code fetch = FetchMode.DYNAMIC} (SQLAlchemy's
 * {@code lazy="dynamic"}): a query object instead of a collection. Nothing loads until asked, and then
 * only what was asked for:
 * <pre>{@code
 * List<Article> recent = user.getArticles().where(Article_.title.like("SQL%")).orderBy(Article_.id.desc()).limit(10).list();
 * long n = user.getArticles().count();
 * user.getArticles().add(new Article("Joins"));   // written by the next flush
 * }</pre>
 * Declare the field as {@code DynamicCollection<Article>} and initialise it with {@link #of()}, so that
 * new instances can take elements before they are saved; a session replaces it with one bound to
 * itself when the owner is added or loaded. {@code where}, {@code orderBy}, {@code limit} and
 * {@code offset} return a narrowed view and leave this one as it is. Not thread-safe: it belongs to
 * the owner's session.
 *
 * @param <T> the element entity type
 */
public interface DynamicCollection<T> extends Iterable<T> {

    /** An unbound collection for a new owner: it keeps the elements added until the owner is added to a session. */
    static <T> DynamicCollection<T> of() {
        return new PendingDynamicCollection<>();
    }

    /** The elements that also match {@code condition}. */
    DynamicCollection<T> where(Expression<Boolean> condition);

    /** The elements in this order. */
    DynamicCollection<T> orderBy(Order... orders);

    /** The elements in ascending order of these expressions. */
    DynamicCollection<T> orderBy(Expression<?>... expressions);

    /** At most {@code n} elements. */
    DynamicCollection<T> limit(int n);

    /** The elements after the first {@code n}. */
    DynamicCollection<T> offset(int n);

    /**
     * Runs the query and returns the elements.
     *
     * @throws DetachedInstanceException if the owner's session is closed
     */
    List<T> list();

    /** Runs the query and streams the elements; close the stream. */
    Stream<T> stream();

    /** Counts the elements with {@code SELECT COUNT(*)}, loading none. */
    long count();

    /** Adds {@code element} to the relationship (sets its reference to the owner); the next flush writes it. */
    void add(T element);

    /**
     * Removes {@code element} from the relationship: the next flush deletes it when the relationship has
     * {@code orphanRemoval}, and otherwise clears its reference to the owner.
     */
    void remove(T element);
}
