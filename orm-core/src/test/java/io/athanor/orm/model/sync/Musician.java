package io.athanor.orm.model.sync;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToMany;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OneToOne;
import io.athanor.orm.annotations.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A musician: in one band, holding one passport, on many tours. */
@Entity
@Table(name = "sync_musicians")
public class Musician implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @ManyToOne
    @JoinColumn(name = "band_id")
    private Band band;

    @OneToOne(mappedBy = "holder")
    private Passport passport;

    @ManyToMany(mappedBy = "musicians")
    private Set<Tour> tours = new LinkedHashSet<>();

    protected Musician() {
    }

    public Musician(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Band getBand() {
        return band;
    }

    public void setBand(Band band) {
        this.band = band;
    }

    public Passport getPassport() {
        return passport;
    }

    public void setPassport(Passport passport) {
        this.passport = passport;
    }

    public Set<Tour> getTours() {
        return tours;
    }

    @Override
    public String toString() {
        return name;
    }
}
