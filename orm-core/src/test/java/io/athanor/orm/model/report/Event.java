package io.athanor.orm.model.report;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Something that happened: dates, times and a text to search, for reporting queries. */
@Entity
@Table(name = "events")
public class Event {
    @Id
    public Long id;
    @Column(length = 100)
    public String kind;
    @Column(length = 500)
    public String body;
    public LocalDate day;
    public LocalDateTime at;
    public OffsetDateTime stamp;

    public Event() {
    }

    public Event(long id, String kind, String body, LocalDate day, LocalDateTime at, OffsetDateTime stamp) {
        this.id = id;
        this.kind = kind;
        this.body = body;
        this.day = day;
        this.at = at;
        this.stamp = stamp;
    }
}
