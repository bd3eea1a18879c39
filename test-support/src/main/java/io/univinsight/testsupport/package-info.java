/**
 * Test support (module test-support), used with test scope only: the Quarkus test resources that
 * start a Kafka broker and PostgreSQL (through dev-stack's child JVMs), plain Kafka test clients,
 * and the generated sites the system tests crawl (LoadSite, HostileSite).
 *
 * <p>It may use dev-stack, and nothing may use it outside tests. Services' tests take their Kafka
 * clients from here instead of writing their own.
 */
package io.univinsight.testsupport;
