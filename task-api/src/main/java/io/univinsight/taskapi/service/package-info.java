/**
 * What task-api does: submitting tasks (one, in bulk, idempotently with a key), reading, cancelling
 * and retrying them, and reading what the crawls found. Reads the tables through the schema
 * module's read models and never writes them (persistence-service does, from the events); its only
 * own table is the idempotency keys. Failures are thrown as {@code error} types, never as HTTP.
 */
package io.univinsight.taskapi.service;
