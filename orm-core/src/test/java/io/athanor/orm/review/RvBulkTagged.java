package io.athanor.orm.review;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.util.List;

/** A row with a list held in an array column, for the bulk-update synchronisation checks. */
@Entity
@Table(name = "rv_bulk_tagged")
public class RvBulkTagged {
    @Id
    Long id;
    String title;
    List<String> tags;
    int[] scores;

    protected RvBulkTagged() {
    }

    RvBulkTagged(long id, String title) {
        this.id = id;
        this.title = title;
    }
}
