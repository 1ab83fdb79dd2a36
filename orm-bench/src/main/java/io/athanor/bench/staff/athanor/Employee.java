package io.athanor.bench.staff.athanor;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import io.athanor.orm.annotations.Version;

/** {@code employees} mapped for Athanor: a required city, an optional superior, version-checked. */
@Entity
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
    @ManyToOne(optional = false)
    @JoinColumn(name = "city_id", nullable = false)
    private City city;
    @ManyToOne
    @JoinColumn(name = "superior_id")
    private Employee superior;

    protected Employee() {
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Integer getSalary() {
        return salary;
    }

    public void setSalary(Integer salary) {
        this.salary = salary;
    }

    public Integer getGrade() {
        return grade;
    }

    public void setGrade(Integer grade) {
        this.grade = grade;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public City getCity() {
        return city;
    }

    public Employee getSuperior() {
        return superior;
    }
}
