/**
 * The database schema, owned here and nowhere else: the Flyway migrations ({@code db/migration},
 * applied by persistence-service at start) and one read-only JPA model per table, for the code that
 * reads the tables (task-api's queries, persistence-service's tests).
 *
 * <p>Only persistence-service writes these tables, with plain JDBC; the models are {@code @Immutable}
 * so that no other module writes through them. A new column or table is a new migration here, and
 * the model changes with it. task-api's own table (idempotency keys) is task-api's.
 *
 * <p>{@link io.univinsight.schema.DatabasePassword} is the start-up check of both services that open
 * the database: never with the shipped placeholder password.
 */
package io.univinsight.schema;
