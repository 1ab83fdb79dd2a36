package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.util.List;

/** Array columns (PostgreSQL, H2), changed in place. */
@Entity
@Table(name = "cmp_arrays")
public class CmpArrays {
    @Id
    public Long id;
    public String title;
    public int[] scores;
    public List<String> tags;

    public CmpArrays() {
    }
}
