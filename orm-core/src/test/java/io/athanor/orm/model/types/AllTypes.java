package io.athanor.orm.model.types;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Embedded;
import io.athanor.orm.annotations.EnumType;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Enumerated;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Transient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One field of every supported type. */
@Entity
public class AllTypes {
    @Id
    public int id;
    public boolean flag;
    public Boolean flagBox;
    public byte tiny;
    public Byte tinyBox;
    public short small;
    public Short smallBox;
    public int number;
    public Integer numberBox;
    public long big;
    public Long bigBox;
    public float real;
    public Float realBox;
    public double dbl;
    public Double dblBox;
    public char letter;
    public Character letterBox;
    @Column(length = 300)
    public String text;
    @Column(precision = 20, scale = 2)
    public BigDecimal money;
    public BigInteger huge;
    public byte[] bytes;
    public UUID uuid;
    public Mood mood;
    @Enumerated(EnumType.ORDINAL)
    public Mood moodOrdinal;
    public LocalDate day;
    public LocalTime time;
    public LocalDateTime stamp;
    public OffsetDateTime offsetStamp;
    public Instant instant;
    public Duration duration;
    @Embedded
    public Address address;
    @Convert(PointText.class)
    public Point point;
    @Transient
    public String notStored = "never";
    public static String alsoNotStored = "static";

    public AllTypes() {
    }
}
