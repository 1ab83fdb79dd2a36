package io.athanor.orm.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metamodel processor generates for classes annotated the Jakarta Persistence way, and checks them. */
class JakartaMetamodelTest {
    @TempDir
    Path out;

    private static final String CUSTOMER = """
            package jshop;

            import jakarta.persistence.*;
            import java.util.ArrayList;
            import java.util.List;

            @Entity
            public class Customer {
                @Id @GeneratedValue
                private Long id;
                private String name;
                private Address address;                  // an @Embeddable type: embedded without @Embedded
                @Transient
                private String note;
                @OneToMany(mappedBy = "customer")
                private List<Purchase> purchases = new ArrayList<>();
            }
            """;

    private static final String PURCHASE = """
            package jshop;

            import jakarta.persistence.*;

            @Entity
            public class Purchase {
                @Id
                private Long id;
                @ManyToOne(fetch = FetchType.LAZY)
                private Customer customer;
            }
            """;

    private static final String ADDRESS = """
            package jshop;

            @jakarta.persistence.Embeddable
            public class Address {
                private String city;
            }
            """;

    @Test
    void jakartaEntitiesAndEmbeddablesGetTheirMetamodel() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(out, Map.of("jshop.Customer", CUSTOMER,
                "jshop.Purchase", PURCHASE, "jshop.Address", ADDRESS));
        assertThat(result.errors()).isEmpty();
        assertThat(result.generatedExists("jshop.Customer_")).isTrue();
        assertThat(result.generatedExists("jshop.Purchase_")).isTrue();
        assertThat(result.generatedExists("jshop.Address_")).isTrue();
        String customer = result.generatedSource("jshop.Customer_");
        assertThat(customer).contains("CollectionAttribute<jshop.Customer, jshop.Purchase> purchases",
                "AddressPath address", "\"address.city\"").doesNotContain("note");
        assertThat(result.generatedSource("jshop.Purchase_")).contains("ReferenceAttribute<jshop.Purchase, jshop.Customer> "
                + "customer");
    }

    @Test
    void jakartaMappingMistakesAreCompileErrors() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(out, Map.of(
                "jshop.Customer", CUSTOMER.replace("@OneToMany(mappedBy = \"customer\")", "@OneToMany"),
                "jshop.Purchase", PURCHASE.replace("    @Id\n", ""), "jshop.Address", ADDRESS));
        assertThat(result.errors()).extracting(d -> d.getMessage(Locale.ROOT)).anySatisfy(m -> assertThat(m)
                .startsWith("@OneToMany field Customer.purchases has an empty mappedBy"))
                .anySatisfy(m -> assertThat(m).isEqualTo("Entity jshop.Purchase has no @Id field: mark its primary key "
                        + "field with @Id."));
    }
}
