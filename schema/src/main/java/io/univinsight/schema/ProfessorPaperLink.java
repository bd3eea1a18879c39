package io.univinsight.schema;

import java.io.Serializable;
import java.util.Objects;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of professor_papers (its two columns are its identity). */
@Entity
@Immutable
@Table(name = "professor_papers")
public class ProfessorPaperLink extends PanacheEntityBase implements Serializable {
    @Id
    @Column(name = "professor_id")
    public Long professorId;
    @Id
    @Column(name = "paper_id")
    public Long paperId;

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfessorPaperLink l && Objects.equals(professorId, l.professorId) && Objects.equals(paperId, l.paperId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(professorId, paperId);
    }
}
