package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;

/** A decimal key, which the database gives back with its scale (7 comes back as 7.00). */
@Entity
@Table(name = "vouchers")
public class Voucher {
    @Id
    @Column(precision = 10, scale = 2)
    private BigDecimal code;

    @Column(length = 10, nullable = false, serverDefault = "'new'")
    private String state;

    protected Voucher() {
    }

    public Voucher(BigDecimal code) {
        this.code = code;
    }

    public String getState() {
        return state;
    }
}
