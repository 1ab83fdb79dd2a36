package io.athanor.orm.model.placed;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Enumerated;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A part of an item, of a kind stored by name (a row can hold a name the enum lacks). */
@Entity
@Table(name = "plc_parts")
public class Part {
    @Id
    private Long id;
    @Enumerated
    @Column(length = 10, nullable = false)
    private Kind kind;
    @ManyToOne
    @JoinColumn(name = "item_id")
    private Item item;

    protected Part() {
    }

    public Part(Long id, Kind kind, Item item) {
        this.id = id;
        this.kind = kind;
        this.item = item;
    }

    public Long getId() {
        return id;
    }

    public Item getItem() {
        return item;
    }
}
