package io.athanor.orm.model.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;

/** A support ticket with Jakarta Persistence callbacks on itself and on a listener. */
@Entity
@Table(name = "jpa_tickets")
@EntityListeners(TicketListener.class)
public class Ticket {
    @Id
    @GeneratedValue
    private Long id;
    @Column(length = 80)
    private String subject;
    @Column(length = 80)
    private String searchKey;
    @Transient
    private List<String> events = new ArrayList<>();

    protected Ticket() {
    }

    public Ticket(String subject) {
        this.subject = subject;
    }

    @PrePersist
    @PreUpdate
    void index() {
        searchKey = subject.toUpperCase(java.util.Locale.ROOT);
        events.add("index");
    }

    @PostLoad
    void loaded() {
        events.add("loaded");
    }

    @PreRemove
    void removing() {
        events.add("removing");
    }

    public Long getId() {
        return id;
    }

    public String getSearchKey() {
        return searchKey;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public List<String> getEvents() {
        return events;
    }
}
