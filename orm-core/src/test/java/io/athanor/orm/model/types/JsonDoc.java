package io.athanor.orm.model.types;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;

/** A value stored as PostgreSQL jsonb through a converter. */
@Entity
public class JsonDoc {
    @Id
    public Long id;

    @Convert(PointText.class)
    @Column(sqlType = "jsonb")
    public Point point;

    public JsonDoc() {
    }
}
