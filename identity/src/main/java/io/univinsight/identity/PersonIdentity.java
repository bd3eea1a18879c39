package io.univinsight.identity;

import java.util.Locale;

/**
 * Who is the same professor. An email is the strong key (one mailbox, one person); the name key
 * ({@link NameKeys#personKey}) is the weak one. Keys carry a prefix ("e:" / "n:") so email and
 * name keys can share one map. A paper names its professors by a ref: the email when one is
 * known, else the name as shown; {@link #refKey} turns a ref back into the key it stands for.
 */
public final class PersonIdentity {
    private PersonIdentity() {
    }

    /** The email as compared: trimmed and lower case; null when blank. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static String emailKey(String email) {
        String e = email(email);
        return e == null ? null : "e:" + e;
    }

    public static String nameKey(String name) {
        return nameKeyOfPersonKey(NameKeys.personKey(name));
    }

    /** {@link #nameKey} from a {@link NameKeys#personKey} already computed (persistence caches it per row). */
    public static String nameKeyOfPersonKey(String personKey) {
        return "n:" + personKey;
    }

    /** The strongest key a record has: its email's, else its name's. */
    public static String key(String email, String name) {
        String byEmail = emailKey(email);
        return byEmail != null ? byEmail : nameKey(name);
    }

    /** What a paper carries to name one of its professors: the email when known, else the name. */
    public static String ref(String email, String name) {
        String e = email(email);
        return e != null ? e : name;
    }

    /** The key a ref stands for (see {@link #ref}). */
    public static String refKey(String ref) {
        if (ref == null) {
            return null;
        }
        return ref.contains("@") ? emailKey(ref) : nameKey(ref);
    }

    /** Identity of a record within a page or site (see {@link RecordIdentity}). */
    public static RecordIdentity identity(String email, String name) {
        return new RecordIdentity(email(email), NameKeys.personKey(name));
    }
}
