package org.incidentmap.incident.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** The current state of one incident. Its Feature form is built by PostGIS (see {@code incident.feature}). */
@Entity
@Table(name = "incidents")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "sub_event_type")
    public String subEventType;

    @Column(name = "weapons", nullable = false)
    public String[] weapons = new String[0];

    @Column(name = "targets", nullable = false)
    public String[] targets = new String[0];

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(name = "time_precision", nullable = false)
    public short timePrecision = 1;

    /** GeoJSON Point; the Vert.x client cannot bind PostGIS types, so PostGIS converts on the way. */
    @Column(name = "geom")
    @ColumnTransformer(read = "ST_AsGeoJSON(geom)",
            write = "ST_SetSRID(ST_GeomFromGeoJSON(CAST(? AS text)), 4326)")
    public String geometry;

    @Column(name = "geo_precision")
    public Short geoPrecision;

    @Column(name = "place_name")
    public String placeName;

    @Column(name = "admin1")
    public String admin1;

    @Column(name = "admin2")
    public String admin2;

    @Column(name = "country")
    public String country;

    @Column(name = "killed")
    public Integer killed;

    @Column(name = "killed_at_least", nullable = false)
    public boolean killedAtLeast;

    @Column(name = "injured")
    public Integer injured;

    @Column(name = "injured_at_least", nullable = false)
    public boolean injuredAtLeast;

    @Column(name = "status", nullable = false)
    public String status = "reported";

    @Column(name = "actor")
    public String actor;

    @Column(name = "geocode_pending", nullable = false)
    public boolean geocodePending;

    @Column(name = "version", nullable = false)
    public int version = 1;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
