package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Embeddable;

/**
 * An embedded value whose first field has an initializer: loading a row whose {@code unit} is NULL and whose
 * {@code amount} is not creates the value when {@code amount} is set, so the instance holds "cm" there.
 */
@Embeddable
public class RoMeasure {
    @Column(length = 10)
    public String unit = "cm";
    public Integer amount;

    public RoMeasure() {
    }
}
