package io.univinsight.taskapi.query;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.univinsight.schema.TaskRecord;
import io.univinsight.schema.UniversityChangeRecord;
import io.univinsight.taskapi.error.InvalidRequest;

/** A listing's order and where the page after a cursor starts: keyset paging, stable while rows are added. */
public interface Keyset<T> {

    /** The HQL order by (unique, so that a cursor names one position). */
    String orderBy();

    /** The filter narrowed to the rows after the cursor. */
    Filter after(Filter filter, Cursor cursor);

    /** The cursor that resumes after this row. */
    Cursor cursorOf(T last);

    /** Newest first (tasks: creation time, then id). */
    Keyset<TaskRecord> NEWEST_TASKS_FIRST = new Keyset<>() {
        public String orderBy() {
            return "createdAt desc, id desc";
        }

        public Filter after(Filter filter, Cursor cursor) {
            return filter.with("(createdAt < :cAt or (createdAt = :cAt and id < :cId))",
                    Map.of("cAt", ListingFilters.instant("cursor", cursor.sortValue()), "cId", uuid(cursor.id())));
        }

        public Cursor cursorOf(TaskRecord last) {
            return new Cursor(last.createdAt.toString(), last.id.toString());
        }

        private static UUID uuid(String value) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw InvalidRequest.of("cursor", "is not a cursor this API gave out");
            }
        }
    };

    /** Newest first (changes: when it happened, then the row's key). */
    Keyset<UniversityChangeRecord> NEWEST_CHANGES_FIRST = new Keyset<>() {
        public String orderBy() {
            return "changedAt desc, id desc";
        }

        public Filter after(Filter filter, Cursor cursor) {
            return filter.with("(changedAt < :cAt or (changedAt = :cAt and id < :cId))",
                    Map.of("cAt", ListingFilters.instant("cursor", cursor.sortValue()), "cId", cursor.id()));
        }

        public Cursor cursorOf(UniversityChangeRecord last) {
            return new Cursor(last.changedAt.toString(), last.id);
        }
    };

    /** In id order (professors, papers). */
    static <T> Keyset<T> byId(Function<T, Long> id) {
        return new Keyset<>() {
            public String orderBy() {
                return "id";
            }

            public Filter after(Filter filter, Cursor cursor) {
                try {
                    return filter.with("id > :afterId", Map.of("afterId", Long.parseLong(cursor.id())));
                } catch (NumberFormatException e) {
                    throw InvalidRequest.of("cursor", "is not a cursor this API gave out");
                }
            }

            public Cursor cursorOf(T last) {
                return new Cursor("id", String.valueOf(id.apply(last)));
            }
        };
    }
}
