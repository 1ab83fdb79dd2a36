package io.athanor.orm.model.compare;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Table;

/** Its own field compared at field speed, its superclass's private ones the general way. */
@Entity
@Table(name = "cmp_child")
public class CmpChild extends CmpBase {
    private int rank;

    public int getRank() {
        return rank;
    }

    public void setRank(int rank) {
        this.rank = rank;
    }
}
