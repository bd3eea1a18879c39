package io.univinsight.persistence.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

@Entity
@Table(name = "professors")
public class ProfessorEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "university_name")
    public String universityName;
    public String department;
    public String name;
    @Column(name = "normalized_name")
    public String normalizedName;
    public String email;
    public String title;
    @Column(name = "profile_url")
    public String profileUrl;
    @Column(name = "is_verified")
    public boolean verified;
    public Float confidence;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @ManyToMany
    @JoinTable(name = "professor_papers",
            joinColumns = @JoinColumn(name = "professor_id"),
            inverseJoinColumns = @JoinColumn(name = "paper_id"))
    public Set<PaperEntity> papers = new HashSet<>();
}
