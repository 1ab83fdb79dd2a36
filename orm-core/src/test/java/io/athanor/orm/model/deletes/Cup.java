package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A cup on a tray ({@code tray_id} NOT NULL). */
@Entity
@Table(name = "del_cups")
public class Cup {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String colour;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tray_id", nullable = false)
    private Tray tray;

    protected Cup() {
    }

    public Cup(String colour, Tray tray) {
        this.colour = colour;
        this.tray = tray;
    }

    public Long getId() {
        return id;
    }

    public Tray getTray() {
        return tray;
    }
}
