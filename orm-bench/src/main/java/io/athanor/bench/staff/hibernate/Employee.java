package io.athanor.bench.staff.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** {@code employees} mapped for Hibernate: lazy to-ones (fetched by the query where wanted), version-checked. */
@Entity(name = "HEmployee")
@Table(name = "employees")
public class Employee {
    @Id
    private Long id;
    private String name;
    private String title;
    private Integer salary;
    private Integer grade;
    private String phone;
    private String email;
    @Version
    private Integer version;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "city_id")
    private City city;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "superior_id")
    private Employee superior;

    protected Employee() {
    }

    public Long getId() {
        return id;
    }

    public Integer getSalary() {
        return salary;
    }

    public void setSalary(Integer salary) {
        this.salary = salary;
    }

    public City getCity() {
        return city;
    }

    public Employee getSuperior() {
        return superior;
    }
}
