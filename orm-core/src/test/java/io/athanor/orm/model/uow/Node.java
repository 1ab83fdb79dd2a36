package io.athanor.orm.model.uow;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.GenerationType;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.ManyToOne;

/** A self-referencing tree with sequence ids. */
@Entity
public class Node {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, allocationSize = 10)
    public Long id;

    public String label;

    @ManyToOne
    public Node parent;

    public Node() {
    }

    public Node(String label, Node parent) {
        this.label = label;
        this.parent = parent;
    }
}
