package io.athanor.orm.spring.other;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** An entity outside the packages the tests scan: it must not be mapped unless its package is asked for. */
@Entity
@Table(name = "strays")
public class Stray {
    @Id
    private Long id;
}
