package io.athanor.orm.model.projection;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** Numbers of both widths, nullable, to read into primitive and boxed parameters: {@code proj_tallies}. */
@Entity
@Table(name = "proj_tallies")
public class Tally {
    @Id
    private Long id;

    private Integer small;

    private Long big;

    protected Tally() {
    }

    public Tally(Long id, Integer small, Long big) {
        this.id = id;
        this.small = small;
        this.big = big;
    }
}
