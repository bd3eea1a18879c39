package io.univinsight.schema;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the university_changes view: a professor joined (first seen), departed, returned or had a
 * field changed, or a paper of theirs was first seen. {@code id} is unique across kinds.
 */
@Entity
@Immutable
@Table(name = "university_changes")
public class UniversityChangeRecord extends PanacheEntityBase {
    @Id
    public String id;
    /** joined, departed, returned, changed, new_paper */
    public String kind;
    @Column(name = "university_name")
    public String universityName;
    @Column(name = "professor_id")
    public Long professorId;
    @Column(name = "professor_name")
    public String professorName;
    /** For changed: title, email, department or university. */
    public String field;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "new_value")
    public String newValue;
    @Column(name = "paper_id")
    public Long paperId;
    @Column(name = "paper_title")
    public String paperTitle;
    @Column(name = "changed_at")
    public Instant changedAt;
}
