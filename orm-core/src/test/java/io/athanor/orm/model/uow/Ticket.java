package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;
import java.time.LocalDateTime;

/** Columns with server defaults: a null field leaves the column to its default, and the flush reads it back. */
@Entity
@Table(name = "tickets")
public class Ticket {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 100, nullable = false)
    private String title;

    @Column(nullable = false, serverDefault = "CURRENT_TIMESTAMP")
    private LocalDateTime openedAt;

    @Column(length = 10, nullable = false, serverDefault = "'open'")
    private String status;

    @Column(serverDefault = "3")
    private Integer priority;

    protected Ticket() {
    }

    public Ticket(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public LocalDateTime getOpenedAt() {
        return openedAt;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getPriority() {
        return priority;
    }
}
