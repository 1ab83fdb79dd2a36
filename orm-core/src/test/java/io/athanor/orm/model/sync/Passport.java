package io.athanor.orm.model.sync;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.OneToOne;
import io.athanor.orm.annotations.Table;

/** A passport: the owning side of a one-to-one with its holder. */
@Entity
@Table(name = "sync_passports")
public class Passport implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 20, nullable = false)
    private String number;

    @OneToOne
    @JoinColumn(name = "holder_id")
    private Musician holder;

    protected Passport() {
    }

    public Passport(String number) {
        this.number = number;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Musician getHolder() {
        return holder;
    }

    public void setHolder(Musician holder) {
        this.holder = holder;
    }
}
