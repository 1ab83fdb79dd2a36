/** Entities for reporting queries: joins along relationships, contains-eager, several entities per row. */
package io.athanor.orm.model.reports;
