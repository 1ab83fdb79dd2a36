package io.athanor.orm.model.jpa;

import jakarta.persistence.AttributeConverter;

/** A stock-keeping unit, stored as {@code "family-number"} text through {@link SkuConverter}. */
public record Sku(String family, int number) {

    // tag::converter[]
    /** A Jakarta Persistence converter, used as it is. */
    public static class SkuConverter implements AttributeConverter<Sku, String> {
        @Override
        public String convertToDatabaseColumn(Sku sku) {
            return sku == null ? null : sku.family() + "-" + sku.number();
        }

        @Override
        public Sku convertToEntityAttribute(String text) {
            if (text == null) {
                return null;
            }
            int dash = text.lastIndexOf('-');
            return new Sku(text.substring(0, dash), Integer.parseInt(text.substring(dash + 1)));
        }
    }
    // end::converter[]
}
