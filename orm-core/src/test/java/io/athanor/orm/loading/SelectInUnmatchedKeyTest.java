package io.athanor.orm.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.engine.Text;
import io.athanor.orm.model.coded.Region;
import io.athanor.orm.model.coded.Town;
import io.athanor.orm.test.DatabaseKind;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.Map;

/**
 * A child the database matches to its parent but Java does not: MariaDB's default collation compares text
 * without case, so a town whose region code is {@code ABC} belongs to region {@code abc} there. The select-in load
 * cannot place it by key; it still gets a lazy reference to its region by the code it holds, as a town loaded on
 * its own would, rather than none, and nothing is written for it.
 */
class SelectInUnmatchedKeyTest {
    @DatabaseTest(DatabaseKind.MARIADB)
    void aChildWhoseKeyMatchesOnlyInTheDatabaseKeepsALazyReferenceToItsParent(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Region.class, Town.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.inTransaction(s -> {
            s.add(new Region("abc", "Alpha"));
            s.flush();
            s.execute(Text.text("insert into cod_towns (id, name, region_code) values (1, 'Upper', 'ABC')"), Map.of());
            return null;
        });
        try (Session s = f.open()) {
            List<Region> regions = s.select(Region.class).list();
            assertThat(regions).hasSize(1);
            Town town = s.get(Town.class, 1L);
            assertThat(town.getRegion()).as("the town's region, matched by the database only").isNotNull();
            assertThat(town.getRegion().getCode()).as("the key it refers to, read without loading").isEqualTo("ABC");
            assertThat(regions.get(0).getTowns()).as("the region's towns, placed by Java's equals").isEmpty();
            s.commit();
        }
        try (Session s = f.open()) {
            assertThat(s.execute(Text.text("select region_code from cod_towns where id = 1"), Map.of()).scalar(String.class))
                    .as("the town's row after the commit").isEqualTo("ABC");
        }
    }
}
