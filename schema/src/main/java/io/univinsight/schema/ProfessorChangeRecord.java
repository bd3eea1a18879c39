package io.univinsight.schema;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of professor_changes: one field of a professor replaced by another value (title, email,
 * department, university), or the professor departed or returned ('active'/'departed').
 */
@Entity
@Immutable
@Table(name = "professor_changes")
public class ProfessorChangeRecord extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "professor_id")
    public Long professorId;
    public String field;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "new_value")
    public String newValue;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "task_id")
    public UUID taskId;
}
