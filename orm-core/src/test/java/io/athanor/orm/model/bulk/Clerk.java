package io.athanor.orm.model.bulk;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A clerk: a required town, an optional superior, and a unique code. */
@Entity
@Table(name = "bulk_clerks")
public class Clerk {
    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 50, nullable = false)
    private String name;

    @Column(length = 20, nullable = false, unique = true)
    private String code;

    private Integer salary;

    @ManyToOne(optional = false)
    @JoinColumn(name = "town_id", nullable = false)
    private Town town;

    @ManyToOne
    @JoinColumn(name = "superior_id")
    private Clerk superior;

    protected Clerk() {
    }

    public Clerk(String name, String code, Integer salary, Town town) {
        this.name = name;
        this.code = code;
        this.salary = salary;
        this.town = town;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public Integer getSalary() {
        return salary;
    }

    public void setSalary(Integer salary) {
        this.salary = salary;
    }

    public Town getTown() {
        return town;
    }

    public void setTown(Town town) {
        this.town = town;
    }

    public Clerk getSuperior() {
        return superior;
    }

    public void setSuperior(Clerk superior) {
        this.superior = superior;
    }
}
