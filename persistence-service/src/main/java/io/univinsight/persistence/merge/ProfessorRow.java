package io.univinsight.persistence.merge;

import java.time.Instant;

import io.univinsight.identity.NameKeys;

/**
 * A professors row, or one sighting of a professor in a result (id null). Merging two of them
 * is commutative and associative: newest non-empty value per field, verified if either is,
 * highest confidence, earliest first sighting, latest update and last sighting.
 */
public final class ProfessorRow {
    public Long id;
    public String university;
    public Sighting name;
    public Sighting email;
    public Sighting title;
    public Sighting department;
    public Sighting profileUrl;
    public boolean verified;
    /** How the email was shown where it was not plain text ("image": read by OCR); the newest such form is kept. */
    public String emailForm;
    public Float confidence;
    public Instant firstSeenAt;
    public Instant updatedAt;
    /** The newest sighting's time: what a departure is compared with (departed_at itself is derived in SQL). */
    public Instant lastSeenAt;

    /** The name {@link #nameKey} was computed from: normalising is the costly part of merging, so it is done once per name. */
    private Sighting nameKeyOf;
    private String nameKey;

    /** The identity key: normalised name of the winning name. */
    public String normalizedName() {
        if (nameKey == null || nameKeyOf != name) {
            nameKey = NameKeys.personKey(Sighting.valueOf(name));
            nameKeyOf = name;
        }
        return nameKey;
    }

    public String emailValue() {
        return Sighting.valueOf(email);
    }

    /** This row with the other folded in; the id is the caller's to choose. */
    public ProfessorRow mergedWith(ProfessorRow other) {
        ProfessorRow m = new ProfessorRow();
        // Newest university here; where the rows are at two universities, Position decides instead.
        boolean otherNewer = compare(other.updatedAt, updatedAt) > 0
                || compare(other.updatedAt, updatedAt) == 0 && other.university.compareTo(university) > 0;
        m.university = otherNewer ? other.university : university;
        m.name = Sighting.newest(name, other.name);
        ProfessorRow keySource = m.name == name ? this : other;
        m.nameKeyOf = keySource.nameKeyOf;
        m.nameKey = keySource.nameKey;
        m.email = Sighting.newest(email, other.email);
        m.title = Sighting.newest(title, other.title);
        m.department = Sighting.newest(department, other.department);
        m.profileUrl = Sighting.newest(profileUrl, other.profileUrl);
        m.verified = verified || other.verified;
        m.emailForm = newestEmailForm(this, other);
        m.confidence = confidence == null ? other.confidence
                : other.confidence == null ? confidence : Float.valueOf(Math.max(confidence, other.confidence));
        m.firstSeenAt = compare(firstSeenAt, other.firstSeenAt) <= 0 ? firstSeenAt : other.firstSeenAt;
        m.updatedAt = compare(updatedAt, other.updatedAt) >= 0 ? updatedAt : other.updatedAt;
        m.lastSeenAt = compare(lastSeenAt, other.lastSeenAt) >= 0 ? lastSeenAt : other.lastSeenAt;
        return m;
    }

    /** Whether writing this row over {@code stored} would change a column. */
    public boolean differsFrom(ProfessorRow stored) {
        return !university.equals(stored.university) || !java.util.Objects.equals(name, stored.name)
                || !java.util.Objects.equals(email, stored.email) || !java.util.Objects.equals(title, stored.title)
                || !java.util.Objects.equals(department, stored.department) || !java.util.Objects.equals(profileUrl, stored.profileUrl)
                || verified != stored.verified || !java.util.Objects.equals(confidence, stored.confidence)
                || !java.util.Objects.equals(emailForm, stored.emailForm)
                || !java.util.Objects.equals(firstSeenAt, stored.firstSeenAt) || !java.util.Objects.equals(updatedAt, stored.updatedAt)
                || !java.util.Objects.equals(lastSeenAt, stored.lastSeenAt);
    }

    /**
     * The form of the row seen last that has one: a later sighting of the address as text does not erase that it
     * was shown as a picture. Ties go to the larger value, so merging stays commutative.
     */
    private static String newestEmailForm(ProfessorRow a, ProfessorRow b) {
        if (a.emailForm == null || b.emailForm == null) {
            return a.emailForm == null ? b.emailForm : a.emailForm;
        }
        int c = compare(a.lastSeenAt, b.lastSeenAt);
        return c > 0 || c == 0 && a.emailForm.compareTo(b.emailForm) >= 0 ? a.emailForm : b.emailForm;
    }

    static int compare(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
