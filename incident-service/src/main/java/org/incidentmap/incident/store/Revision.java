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

/** One change to an incident: who made it, when, why, and what changed as a JSON diff. */
@Entity
@Table(name = "revisions")
public class Revision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "author", nullable = false)
    public String author;

    @Column(name = "at", nullable = false)
    public Instant at;

    @Column(name = "reason")
    public String reason;

    /** {"field":{"from":..,"to":..}} as JSON text. */
    @Column(name = "changes", nullable = false)
    public String changes;

    public Revision() {
    }

    public Revision(UUID incidentId, int version, String author, Instant at, String reason, String changes) {
        this.incidentId = incidentId;
        this.version = version;
        this.author = author;
        this.at = at;
        this.reason = reason;
        this.changes = changes;
    }
}
