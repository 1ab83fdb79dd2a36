package io.athanor.orm.internal.load;

import io.athanor.orm.engine.PreparedWork;
import io.athanor.orm.engine.Result;
import io.athanor.orm.engine.Row;
import io.athanor.orm.internal.meta.EntityModel;
import io.athanor.orm.internal.sql.CompiledSelect;
import io.athanor.orm.internal.state.LoadGroup;
import io.athanor.orm.internal.types.ColumnType;
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

    /** Sets up (or loads, as their mapping says) the relationships of the entities read. */
    public void loadRelationships() {
        for (int i = 0; i < readers.length; i++) {
            if (readers[i] != null) {
                groups[i].size = found.get(i).size();
                loader.loadRelationships(loader.context().loadPlan(layout.models()[i], List.of()), found.get(i), null, null);
            }
        }
    }
}
