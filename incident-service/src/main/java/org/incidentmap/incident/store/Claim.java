package org.incidentmap.incident.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Casualty figures as a named claimant states them, kept apart from the incident's own estimate. */
@Entity
@Table(name = "claims")
public class Claim extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "claimant", nullable = false)
    public String claimant;

    @Column(name = "killed")
    public Integer killed;

    @Column(name = "killed_at_least", nullable = false)
    public boolean killedAtLeast;

    @Column(name = "injured")
    public Integer injured;

    @Column(name = "injured_at_least", nullable = false)
    public boolean injuredAtLeast;

    @Column(name = "statement")
    public String statement;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
