/**
 * task-api's HTTP edge: thin JAX-RS resources that read parameters and bodies, call one service
 * method and shape its answer (status, Location, paging headers), plus the request filters (API
 * keys, failed-authentication and rate limits, body size, query text) and the caller they identify
 * ({@link io.univinsight.taskapi.rest.RequestCaller}). {@link io.univinsight.taskapi.rest.ProblemMappers}
 * is the one place where errors become RFC 7807 problems.
 *
 * <p>Holds no business rules and no queries; {@code service}, {@code query} and {@code error} never
 * import this package.
 */
package io.univinsight.taskapi.rest;
