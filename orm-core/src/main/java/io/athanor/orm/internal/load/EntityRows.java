package io.athanor.orm.internal.load;

import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.LoadGroup;
import io.athanor.orm.internal.types.ColumnType;
import io.athanor.orm.query.Load;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads the rows of one column select whose columns include whole entities ({@code select(User.class, count(...))}):
 * each entity through the identity map, values as the other columns are read; then sets up the relationships of the
 * entities read, as a select of that entity would. One per statement run; its session's thread only.
 */
public final class EntityRows {
    private final RowLoader loader;
    private final CompiledSelect compiled;
    private final CompiledSelect.RowEntities layout;
    private final RowLoader.EntityRowReader[] readers;
    private final List<List<Object>> found = new ArrayList<>();
    private final List<Set<Object>> seen = new ArrayList<>();
    private final LoadGroup[] groups;

    /**
     * @param register whether entities not in the session join it ({@code false} for a stream, which keeps only
     *                 instances the session already holds, and sets up no relationships)
     */
    public EntityRows(RowLoader loader, CompiledSelect compiled, boolean register) {
        this.loader = loader;
        this.compiled = compiled;
        this.layout = compiled.rowEntities();
        EntityModel[] models = layout.models();
        this.readers = new RowLoader.EntityRowReader[models.length];
        this.groups = new LoadGroup[models.length];
        for (int i = 0; i < models.length; i++) {
            found.add(new ArrayList<>());
            seen.add(Collections.newSetFromMap(new IdentityHashMap<>()));
            if (models[i] != null) {
                readers[i] = loader.new EntityRowReader(models[i], register, layout.offsets()[i]);
                groups[i] = new LoadGroup();
                readers[i].group = groups[i];
            }
        }
    }

    /** Every row of {@code rs}, as {@code Row}s labelled as the statement says. */
    public List<Row> rows(ResultSet rs) throws SQLException {
        PreparedWork.ColumnReader[] generic = PreparedWork.columnReaders(rs.getMetaData());
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(read(rs, generic));
        }
        return Result.ofRows(compiled.labels(), rows).rows();
    }

    /** The current row of {@code rs} as a {@code Row}, for a stream. */
    public Row row(ResultSet rs, PreparedWork.ColumnReader[] generic) throws SQLException {
        return Result.ofRows(compiled.labels(), List.<Object[]>of(read(rs, generic))).rows().get(0);
    }

    /** The values of the current row of {@code rs}: an instance (or {@code null}) for each entity column. */
    public Object[] read(ResultSet rs, PreparedWork.ColumnReader[] generic) throws SQLException {
        ColumnType[] values = compiled.readers();
        Object[] row = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            int at = layout.offsets()[i];
            if (readers[i] != null) {
                Object instance = readers[i].read(rs);
                row[i] = instance;
                if (instance != null && seen.get(i).add(instance)) {
                    found.get(i).add(instance);
                }
            } else {
                row[i] = values[i] != null ? values[i].read(rs, at + 1) : generic[at].read(rs, at + 1);
            }
        }
        return row;
    }

    /**
     * Checks that each of the query's loader options names a relationship of an entity it selects, and none fills a
     * relationship from the query's join (contains-eager needs an entity select).
     *
     * @throws io.athanor.orm.error.AthanorException naming the option
     */
    public void checkOptions(List<Load> loads) {
        for (Load l : loads) {
            if (l.containsEagerFrom() != null) {
                throw new io.athanor.orm.error.AthanorException(l + " fills a relationship from the rows of a select of one "
                        + "entity (select(User.class).join(...)); in a row of several entities, select the joined entity as a "
                        + "column of its own instead: select(User.class, Order.class).join(User_.orders).");
            }
            boolean selected = false;
            for (EntityModel m : layout.models()) {
                selected |= m != null && l.path().get(0).entityType().isAssignableFrom(m.type());
            }
            if (!selected) {
                throw new io.athanor.orm.error.AthanorException("The loader option " + l + " names a relationship of "
                        + l.path().get(0).entityType().getSimpleName() + ", which this query does not select whole.");
            }
        }
    }

    /**
     * Sets up (or loads, as their mapping and {@code loads} say) the relationships of the entities read; each option
     * applies to the columns of its first relationship's entity.
     */
    public void loadRelationships(List<Load> loads) {
        for (int i = 0; i < readers.length; i++) {
            if (readers[i] != null) {
                groups[i].size = found.get(i).size();
                EntityModel model = layout.models()[i];
                List<Load> own = new ArrayList<>();
                for (Load l : loads) {
                    if (l.path().get(0).entityType().isAssignableFrom(model.type())) {
                        own.add(l);
                    }
                }
                loader.loadRelationships(loader.context().loadPlan(model, own), found.get(i), null, null);
            }
        }
    }
}
