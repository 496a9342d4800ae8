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

/** A report an incident rests on: outlet, link, publication time and the quoted passage. */
@Entity
@Table(name = "sources")
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "outlet", nullable = false)
    public String outlet;

    @Column(name = "url")
    public String url;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "excerpt")
    public String excerpt;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
