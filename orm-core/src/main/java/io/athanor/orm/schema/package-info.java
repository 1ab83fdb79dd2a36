/** Schema management: CREATE and DROP of the mapped tables, and their DDL as text. */
package io.athanor.orm.schema;
