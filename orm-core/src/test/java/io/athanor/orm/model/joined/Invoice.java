package io.athanor.orm.model.joined;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.PrimaryKeyJoinColumn;
import io.athanor.orm.annotations.Table;

/** An invoice: a concrete middle class whose table {@code jn_invoice} is keyed by {@code doc_id}; its number is unique. */
@Entity
@Table(name = "jn_invoice")
@PrimaryKeyJoinColumn(name = "doc_id")
public class Invoice extends Doc {
    @Column(unique = true)
    private String number;

    private long total;

    protected Invoice() {
    }

    public Invoice(String title, Folder folder, String number, long total) {
        super(title, folder);
        this.number = number;
        this.total = total;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + number + ":" + total;
    }
}
