/**
 * What can go wrong in a request, in the API's own terms (an invalid field, a missing task, a
 * conflict, an unavailable dependency). Services and resources throw these; the one place that
 * turns them into HTTP problems (status, title, RFC 7807 body, Retry-After) is
 * {@code rest.ProblemMappers}. This package depends on nothing else in task-api.
 */
package io.univinsight.taskapi.error;
