package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.OnDelete;
import io.athanor.orm.annotations.Table;

/** A task of a project; the database sets {@code project_id} to NULL when the project goes. */
@Entity
@Table(name = "del_tasks")
public class Task {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String title;

    @ManyToOne
    @JoinColumn(name = "project_id", onDelete = OnDelete.SET_NULL)
    private Project project;

    protected Task() {
    }

    public Task(String title, Project project) {
        this.title = title;
        this.project = project;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Project getProject() {
        return project;
    }
}
