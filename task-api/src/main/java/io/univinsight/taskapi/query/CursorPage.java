package io.univinsight.taskapi.query;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * One page of a listing: its rows, how many rows the whole listing has, and the cursor of the
 * next page (null on the last one). Every paged listing of the API is read here.
 */
public record CursorPage<T>(List<T> rows, long total, int size, String next) {

    /** Reads the page after the cursor (the first page without one) of at most limit rows, capped at maxLimit. */
    public static <E> CursorPage<E> read(EntityManager em, Class<E> entity, Filter filter, Keyset<E> keyset, String cursor,
                                         int limit, int maxLimit) {
        // Entities without an explicit name are named by their simple class name in HQL.
        String from = " from " + entity.getSimpleName();
        TypedQuery<Long> count = em.createQuery("select count(*)" + from + filter.where(), Long.class);
        filter.params().forEach(count::setParameter);
        long total = count.getSingleResult();
        Filter page = cursor == null ? filter : keyset.after(filter, Cursor.decode(cursor));
        int size = Math.max(1, Math.min(limit, maxLimit));
        TypedQuery<E> rows = em.createQuery(from + page.where() + " order by " + keyset.orderBy(), entity).setMaxResults(size);
        page.params().forEach(rows::setParameter);
        List<E> found = rows.getResultList();
        String next = found.size() == size ? keyset.cursorOf(found.get(found.size() - 1)).encode() : null;
        return new CursorPage<>(found, total, size, next);
    }

    /** The same page with its rows shown another way (all at once: e.g. joined with another table). */
    public <R> CursorPage<R> map(Function<List<T>, List<R>> view) {
        return new CursorPage<>(view.apply(rows), total, size, next);
    }
}
