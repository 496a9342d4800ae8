package org.incidentmap.incident.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An editor's decision on one candidate of a report; at most one per candidate. */
@Entity
@Table(name = "report_decisions")
public class ReportDecision extends PanacheEntityBase {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** Index of the candidate in the report's extraction, from 0. */
    @Column(name = "candidate", nullable = false)
    public int candidate;

    @Column(name = "decision", nullable = false)
    public String decision;

    @Column(name = "reason")
    public String reason;

    /** The incident created or updated by an acceptance. */
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
