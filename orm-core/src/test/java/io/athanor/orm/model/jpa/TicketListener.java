package io.athanor.orm.model.jpa;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** A Jakarta Persistence entity listener: its methods take the entity. */
public class TicketListener {
    @PostPersist
    @PostUpdate
    void written(Ticket ticket) {
        ticket.getEvents().add("written " + ticket.getId());
    }

    @PostRemove
    void removed(Ticket ticket) {
        ticket.getEvents().add("removed " + ticket.getId());
    }
}
