/** A joined-table hierarchy (documents in folders, invoices settled) for the joined-inheritance tests. */
package io.athanor.orm.model.joined;
