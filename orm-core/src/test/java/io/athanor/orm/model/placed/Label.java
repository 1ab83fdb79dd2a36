package io.athanor.orm.model.placed;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.FetchMode;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;
import java.util.Objects;

/**
 * A child kept in its shop's hash set, equal by its text and its brand's name: its hash needs the brand, which its
 * own statement's loader brings after the rows.
 */
@Entity
@Table(name = "plc_labels")
public class Label {
    @Id
    private Long id;
    @Column(length = 40, nullable = false)
    private String text;
    @ManyToOne
    @JoinColumn(name = "shop_id")
    private Shop shop;
    @ManyToOne(fetch = FetchMode.SELECTIN)
    @JoinColumn(name = "brand_id")
    private Brand brand;

    protected Label() {
    }

    public Label(Long id, String text, Shop shop, Brand brand) {
        this.id = id;
        this.text = text;
        this.shop = shop;
        this.brand = brand;
    }

    public Long getId() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label l && text.equals(l.text) && brand.getName().equals(l.brand.getName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, brand.getName());
    }
}
