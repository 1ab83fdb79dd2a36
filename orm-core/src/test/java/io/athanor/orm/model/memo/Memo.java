package io.athanor.orm.model.memo;

import io.athanor.orm.annotations.Column;
import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.GeneratedValue;
import io.athanor.orm.annotations.Id;
import io.athanor.orm.annotations.Table;

/** A plain (never enhanced) entity, for sessions that mix plain and enhanced classes. */
@Entity
@Table(name = "trk_memos")
public class Memo {
    @Id
    @GeneratedValue
    private Long id;
    @Column(length = 40, nullable = false)
    private String text;

    protected Memo() {
    }

    public Memo(String text) {
        this.text = text;
    }

    public Long getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
