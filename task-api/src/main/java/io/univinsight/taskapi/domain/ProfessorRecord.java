package io.univinsight.taskapi.domain;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read view of professors. */
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
    public String email;
    public String title;
    @Column(name = "profile_url")
    public String profileUrl;
    @Column(name = "is_verified")
    public boolean verified;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
