package io.univinsight.taskapi.domain;

import java.io.Serializable;
import java.util.Objects;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read view of professor_papers (its two columns are its identity). */
@Entity
@Immutable
@Table(name = "professor_papers")
public class ProfessorPaperLink implements Serializable {
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
