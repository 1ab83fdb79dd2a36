package io.athanor.orm.jpa;

import static io.athanor.orm.engine.Text.text;
import static io.athanor.orm.query.Loads.joinedLoad;
import static io.athanor.orm.query.Loads.selectinLoad;
import static io.athanor.orm.query.Loads.subqueryLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.athanor.orm.Session;
import io.athanor.orm.SessionFactory;
import io.athanor.orm.engine.Engine;
import io.athanor.orm.model.jpa.inheritance.Car;
import io.athanor.orm.model.jpa.inheritance.Car_;
import io.athanor.orm.model.jpa.inheritance.Garage;
import io.athanor.orm.model.jpa.inheritance.Garage_;
import io.athanor.orm.model.jpa.inheritance.Truck;
import io.athanor.orm.model.jpa.inheritance.Vehicle;
import io.athanor.orm.model.jpa.inheritance.Vehicle_;
import io.athanor.orm.query.Load;
import io.athanor.orm.test.DatabaseTest;
import java.util.List;
import java.util.Map;

/** Jakarta Persistence's @MappedSuperclass, @Inheritance, @DiscriminatorColumn and @DiscriminatorValue, read as Athanor's. */
class JakartaInheritanceTest {

    private static SessionFactory fresh(Engine engine) {
        SessionFactory f = SessionFactory.builder(engine).entities(Garage.class, Vehicle.class, Car.class, Truck.class).build();
        f.schema().dropAll();
        f.schema().createAll();
        f.runInTransaction(s -> {
            Garage g = new Garage("depot");
            s.add(g);
            s.add(new Car("alfa", g, 4));
            s.add(new Truck("volvo", g, 18000));
            s.add(new Car("mini", g, 2));
        });
        return f;
    }

    private static List<String> kinds(SessionFactory f) {
        return f.inTransaction(s -> s.execute(text("SELECT vtype, maker FROM jpa_vehicles ORDER BY maker"), Map.of()).rows()
                .stream().map(r -> r.get(0) + "=" + r.get(1)).toList());
    }

    @DatabaseTest
    void theHierarchyIsStoredInOneTableWithTheCharDiscriminator(Engine engine) {
        SessionFactory f = fresh(engine);
        assertThat(f.schema().createSql()).contains("jpa_vehicles", "vtype").doesNotContain("jpa_car", "identified");
        assertThat(kinds(f)).containsExactly("C=alfa", "C=mini", "T=volvo");
    }

    @DatabaseTest
    void queriesOfTheRootAndOfASubclassReturnTheRightClasses(Engine engine) {
        SessionFactory f = fresh(engine);
        try (Session s = f.open()) {
            assertThat(s.select(Vehicle.class).orderBy(Vehicle_.maker).list()).extracting(Vehicle::describe)
                    .containsExactly("Car:alfa:4", "Car:mini:2", "Truck:volvo:18000");
            List<Car> cars = s.select(Car.class).where(Car_.seats.gt(1)).orderBy(Car_.maker).list();
            assertThat(cars).extracting(Car::getMaker).containsExactly("alfa", "mini");
            assertThat(s.get(Vehicle.class, cars.get(0).getId())).isSameAs(cars.get(0));
            assertThat(s.get(Truck.class, cars.get(0).getId())).isNull();
        }
    }

    @DatabaseTest
    void aCollectionOfTheRootLoadsMixedSubclassesThroughEachStrategy(Engine engine) {
        SessionFactory f = fresh(engine);
        for (Load option : new Load[] {null, joinedLoad(Garage_.vehicles), selectinLoad(Garage_.vehicles),
                subqueryLoad(Garage_.vehicles)}) {
            try (Session s = f.open()) {
                var query = s.select(Garage.class);
                Garage g = (option == null ? query : query.options(option)).one();
                assertThat(g.getVehicles()).as(String.valueOf(option)).extracting(Vehicle::describe)
                        .containsExactly("Car:alfa:4", "Car:mini:2", "Truck:volvo:18000");
            }
        }
    }

    @DatabaseTest
    void updatesAndDeletesOfSubclassesAndARollback(Engine engine) {
        SessionFactory f = fresh(engine);
        f.runInTransaction(s -> {
            Car mini = s.select(Car.class).where(Car_.maker.eq("mini")).one();
            mini.setSeats(5);
            s.delete(s.select(Truck.class).one());
        });
        try (Session s = f.open()) {
            Car mini = s.select(Car.class).where(Car_.maker.eq("mini")).one();
            assertThat(mini.getSeats()).isEqualTo(5);
            assertThat(mini.getVersion()).isEqualTo(1);
            mini.setMaker("cooper");
            s.add(new Truck("man", mini.getGarage(), 7000));
            s.flush();
            s.rollback();
            assertThat(mini.getMaker()).isEqualTo("mini");
        }
        assertThat(kinds(f)).containsExactly("C=alfa", "C=mini");
    }
}
