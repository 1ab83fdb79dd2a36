package io.athanor.orm.model.joined;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.JoinColumn;
import io.athanor.orm.annotations.ManyToOne;
import io.athanor.orm.annotations.Table;

/** A reminder about an invoice: the third level, in {@code jn_reminder}, referring to a class of its own hierarchy. */
@Entity
@Table(name = "jn_reminder")
public class Reminder extends Invoice {
    private int level;

    @ManyToOne
    @JoinColumn(name = "about_id")
    private Invoice about;

    protected Reminder() {
    }

    public Reminder(String title, Folder folder, String number, long total, int level) {
        super(title, folder, number, total);
        this.level = level;
    }

    public Invoice getAbout() {
        return about;
    }

    public void setAbout(Invoice about) {
        this.about = about;
    }

    public int getLevel() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }

    @Override
    public String describe() {
        return super.describe() + ":" + level;
    }
}
