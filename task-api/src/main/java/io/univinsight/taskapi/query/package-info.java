/**
 * How the API's listings are filtered and paged: a {@link io.univinsight.taskapi.query.Filter}
 * per listing (tasks, professors, papers) built from its query parameters, and the one keyset
 * page reader, {@link io.univinsight.taskapi.query.CursorPage}, with its opaque
 * {@link io.univinsight.taskapi.query.Cursor}. Reads the schema module's read models; depends on
 * no other task-api package but {@code error}.
 */
package io.univinsight.taskapi.query;
