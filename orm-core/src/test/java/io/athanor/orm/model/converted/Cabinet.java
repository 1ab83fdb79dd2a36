package io.athanor.orm.model.converted;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.model.types.Point;
import io.athanor.orm.model.types.PointText;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Converted fields of types that change in place (a list, a {@code Date}, a class without {@code equals}) beside one
 * that cannot (a record).
 */
@Entity
@Table(name = "cnv_cabinets")
public class Cabinet {
    @Id
    public Long id;
    @Convert(TagsText.class)
    @Column(length = 200)
    public List<String> tags = new ArrayList<>();
    @Convert(DateMillis.class)
    public Date stamp;
    @Convert(LabelText.class)
    @Column(length = 50)
    public Label label;
    @Convert(PointText.class)
    @Column(length = 50)
    public Point point;

    protected Cabinet() {
    }

    public Cabinet(Long id, Date stamp, String label, Point point, String... tags) {
        this.id = id;
        this.stamp = stamp;
        this.label = new Label(label);
        this.point = point;
        this.tags.addAll(List.of(tags));
    }
}
