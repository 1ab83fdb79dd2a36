package io.athanor.orm.model.joined;

import io.athanor.orm.annotations.Entity;
import io.athanor.orm.annotations.Table;

/** A reminder about an invoice: the third level, in {@code jn_reminder}. */
@Entity
@Table(name = "jn_reminder")
public class Reminder extends Invoice {
    private int level;

    protected Reminder() {
    }

    public Reminder(String title, Folder folder, String number, long total, int level) {
        super(title, folder, number, total);
        this.level = level;
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
