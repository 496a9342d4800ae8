package org.incidentmap.incident.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One change to an incident: who made it, when, why, and what changed as a JSON diff. */
@Entity
@Table(name = "revisions")
@IdClass(Revision.Key.class)
public class Revision extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Id
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

    /** A revision is identified by its incident and the version it made. */
    public static class Key implements Serializable {
        public UUID incidentId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && version == k.version && Objects.equals(incidentId, k.incidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, version);
        }
    }

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
