package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.Json;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;
import io.athanor.orm.model.types.Mood;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/** A plain entity with a field of each kind a flush compares (public, so tests write them directly). */
@Entity
@Table(name = "cmp_all")
public class CmpAll {
    @Id
    public long id;
    public boolean flag;
    public byte tiny;
    public short small;
    public int number;
    public long big;
    public float real;
    public double dbl;
    public char letter;
    public Boolean flagBox;
    public Integer numberBox;
    public Long bigBox;
    public Double dblBox;
    @Column(length = 60)
    public String text;
    @Column(precision = 12, scale = 3)
    public BigDecimal money;
    public byte[] bytes;
    public UUID uuid;
    public Mood mood;
    public LocalDate day;
    public LocalDateTime stamp;
    public Instant instant;
    @Embedded
    public CmpPlace place;
    @Json
    public Map<String, Object> attrs;
    @Column(name = "owner_id")
    public Long ownerId;
    @ManyToOne
    @JoinColumn(name = "owner_id")
    public CmpOwner owner;
    @ManyToOne
    public CmpOwner keeper;
    @Version
    public Long version;

    public CmpAll() {
    }

    public CmpAll(long id) {
        this.id = id;
    }
}
