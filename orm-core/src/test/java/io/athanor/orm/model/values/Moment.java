package io.athanor.orm.model.values;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Dates and times at the edges of what databases store. */
@Entity
@Table(name = "moments")
public class Moment {
    @Id
    public Long id;
    public LocalDateTime at;
    public LocalDate day;
    public OffsetDateTime stamp;
    public Instant instant;

    public Moment() {
    }

    public Moment(long id) {
        this.id = id;
    }
}
