package io.univinsight.identity;

/**
 * A record's identity within one page or site: a strong id (email, DOI) and a weak one (name key,
 * title key). Equal strong ids always match; differing strong ids never do (two "J. Kim"s with
 * different mailboxes are two people); otherwise equal, non-empty weak ids match. Computed once per
 * record, compared many times.
 */
public record RecordIdentity(String strong, String weak) {
    public boolean matches(RecordIdentity o) {
        if (strong != null && o.strong != null) {
            return strong.equals(o.strong);
        }
        return !weak.isEmpty() && weak.equals(o.weak);
    }
}
