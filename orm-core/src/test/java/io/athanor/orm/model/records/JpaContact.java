package io.athanor.orm.model.records;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "rec_jpa_contact")
public class JpaContact {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public JpaPhone phone;

    protected JpaContact() {
    }

    public JpaContact(String name, JpaPhone phone) {
        this.name = name;
        this.phone = phone;
    }
}
