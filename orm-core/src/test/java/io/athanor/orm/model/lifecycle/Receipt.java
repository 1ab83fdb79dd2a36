package io.athanor.orm.model.lifecycle;

import io.athanor.orm.annotations.CreatedAt;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.UpdatedAt;
import java.time.OffsetDateTime;

/** A receipt with offset timestamps and an assigned key. */
@Entity
@Table(name = "receipts")
public class Receipt {
    @Id
    public Long id;
    public String note;
    @CreatedAt
    public OffsetDateTime issued;
    @UpdatedAt
    public OffsetDateTime touched;

    protected Receipt() {
    }

    public Receipt(long id, String note) {
        this.id = id;
        this.note = note;
    }
}
