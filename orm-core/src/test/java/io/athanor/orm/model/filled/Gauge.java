package io.athanor.orm.model.filled;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Convert;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.EnumType;
import io.athanor.orm.annotations.Enumerated;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An entity of private fields of many kinds, made by a private constructor: one a generated class makes and fills.
 * {@code count} is a primitive whose column takes NULL; {@code code} goes through a converter.
 */
@Entity
@Table(name = "fil_gauges")
public class Gauge extends Stamped {
    @Id
    private Long id;
    @Column(length = 40, nullable = false)
    private String name;
    private int count;
    @Column(nullable = false)
    private long total;
    @Column(nullable = false)
    private boolean active;
    @Column(nullable = false)
    private double ratio;
    @Column(precision = 10, scale = 2)
    private BigDecimal price;
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Tint tint;
    @Convert(CodeText.class)
    @Column(length = 20)
    private Code code;
    private byte[] data;
    private transient String cached = "kept";

    private Gauge() {
        this.count = -1; // the row's value replaces it
    }

    public Gauge(Long id, String name, int count, long total, boolean active, double ratio, BigDecimal price, LocalDate day,
                 Tint tint, Code code, byte[] data, String stampedBy) {
        this.id = id;
        this.name = name;
        this.count = count;
        this.total = total;
        this.active = active;
        this.ratio = ratio;
        this.price = price;
        this.day = day;
        this.tint = tint;
        this.code = code;
        this.data = data;
        this.stampedBy = stampedBy;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getCount() {
        return count;
    }

    public long getTotal() {
        return total;
    }

    public boolean isActive() {
        return active;
    }

    public double getRatio() {
        return ratio;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public LocalDate getDay() {
        return day;
    }

    public Tint getTint() {
        return tint;
    }

    public Code getCode() {
        return code;
    }

    public byte[] getData() {
        return data;
    }

    public String getCached() {
        return cached;
    }

    /** A colour stored by name. */
    public enum Tint { RED, GREEN }

    /** A code stored as text through {@link CodeText}. */
    public record Code(String value) {
    }

    /** Stores a {@link Code} upper-cased, reads it lower-cased. */
    public static final class CodeText implements io.athanor.orm.annotations.AttributeConverter<Code, String> {
        @Override
        public String toDatabase(Code c) {
            return c.value().toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public Code fromDatabase(String s) {
            return new Code(s.toLowerCase(java.util.Locale.ROOT));
        }
    }
}
