package io.athanor.orm.model.deletes;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.OneToMany;
import io.athanor.orm.annotations.Table;
import java.util.ArrayList;
import java.util.List;

/** A project whose tasks' key the database sets to NULL ({@code Task.project} is {@code onDelete = SET_NULL}). */
@Entity
@Table(name = "del_projects")
public class Project {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String name;

    @OneToMany(mappedBy = "project")
    private List<Task> tasks = new ArrayList<>();

    protected Project() {
    }

    public Project(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public List<Task> getTasks() {
        return tasks;
    }
}
