package io.athanor.orm.engine;

/**
 * What the engine learned about its database from the driver, once, on first use: the product
 * ({@code PostgreSQL}, {@code MariaDB}, {@code H2}), its version, and the driver's.
 *
 * @param productName    the database product name the driver reports
 * @param productVersion the product version string
 * @param majorVersion   the product's major version
 * @param minorVersion   the product's minor version
 * @param driverName     the JDBC driver's name
 * @param driverVersion  the JDBC driver's version
 */
public record DatabaseInfo(String productName, String productVersion, int majorVersion, int minorVersion,
                           String driverName, String driverVersion) {
}
