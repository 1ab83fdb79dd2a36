package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** An entity with an embedded class value ({@link RoMeasure}), for read-only sessions' comparisons. */
@Entity
@Table(name = "rv2_gauge")
public class RoGauge {
    @Id
    public Long id;
    @Embedded
    public RoMeasure size;

    public RoGauge() {
    }

    public RoGauge(Long id) {
        this.id = id;
    }
}
