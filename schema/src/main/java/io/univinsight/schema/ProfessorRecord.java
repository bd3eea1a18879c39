package io.univinsight.schema;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of professors: one person per university, merged from every sighting. */
@Entity
@Immutable
@Table(name = "professors")
public class ProfessorRecord extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "university_name")
    public String universityName;
    public String department;
    public String name;
    /** Case, accents, spacing and name order removed: the person's key within the university. */
    @Column(name = "normalized_name")
    public String normalizedName;
    public String email;
    /** How the email was shown where it was not plain text: "image" when read by OCR; null for text. */
    @Column(name = "email_form")
    public String emailForm;
    public String title;
    @Column(name = "profile_url")
    public String profileUrl;
    @Column(name = "is_verified")
    public boolean verified;
    public Float confidence;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    /** The newest sighting's time (updated_at, the same maximum, is what the merge orders by). */
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    /** When a directory page that listed the professor stopped listing them; null while active. */
    @Column(name = "departed_at")
    public Instant departedAt;
}
