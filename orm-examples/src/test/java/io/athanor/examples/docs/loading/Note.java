package io.athanor.examples.docs.loading;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A note on a customer. */
@Entity
@Table(name = "customer_notes")
public class Note {
    @Id @GeneratedValue
    private Long id;

    @Column(length = 100, nullable = false)
    private String text;

    @ManyToOne @JoinColumn(name = "customer_id")
    private Customer customer;

    protected Note() {
    }

    public Note(String text, Customer customer) {
        this.text = text;
        this.customer = customer;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public Customer getCustomer() {
        return customer;
    }
}
