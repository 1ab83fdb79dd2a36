package io.athanor.orm.model.hidden;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.math.BigDecimal;

/** A row of personal data, for engines that hide parameters; {@code amount} overflows above 999.99. */
@Entity
@Table(name = "private_notes")
public class PrivateNote {
    @Id
    private Long id;

    @Column(length = 40, unique = true)
    private String ssn;

    @Column(length = 40)
    private String card;

    @Column(precision = 5, scale = 2)
    private BigDecimal amount;

    protected PrivateNote() {
    }

    public PrivateNote(Long id, String ssn, String card, BigDecimal amount) {
        this.id = id;
        this.ssn = ssn;
        this.card = card;
        this.amount = amount;
    }

    public Long getId() {
        return id;
    }
}
