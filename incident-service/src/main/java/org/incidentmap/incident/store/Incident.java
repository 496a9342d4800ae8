package org.incidentmap.incident.store;

import static org.incidentmap.incident.store.Columns.Column.of;
import static org.incidentmap.incident.store.Columns.Column.stored;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.incidentmap.incident.domain.Point;
import org.incidentmap.incident.store.Columns.Type;

/** The current state of one incident, a row of {@code incident.incidents}; {@link IncidentFeature} renders it. */
public class Incident {

    public UUID id;
    public String eventType;
    public String subEventType;
    public String[] weapons = new String[0];
    public String[] targets = new String[0];
    public LocalDate occurredOn;
    public short timePrecision = 1;
    /** The position, or null while the incident has none. */
    public Point point;
    public Short geoPrecision;
    public String placeName;
    public String admin1;
    public String admin2;
    public String country;
    public Integer killed;
    public boolean killedAtLeast;
    public Integer injured;
    public boolean injuredAtLeast;
    public String status = "reported";
    public String actor;
    public boolean geocodePending;
    public int version = 1;
    public Instant createdAt;
    public Instant updatedAt;

    /**
     * Every column as written. Arrays of arrays cannot be ragged, so each row's weapons and
     * targets travel as one array literal; the position travels as EWKT.
     */
    public static final Columns<Incident> COLUMNS = new Columns<>("incident.incidents",
            of("id", Type.UUID, i -> i.id),
            of("event_type", Type.TEXT, i -> i.eventType),
            of("sub_event_type", Type.TEXT, i -> i.subEventType),
            stored("weapons", Type.TEXT, "CAST(r.weapons AS text[])", i -> PgArrays.literal(i.weapons)),
            stored("targets", Type.TEXT, "CAST(r.targets AS text[])", i -> PgArrays.literal(i.targets)),
            of("occurred_on", Type.DATE, i -> i.occurredOn),
            of("time_precision", Type.INT2, i -> i.timePrecision),
            stored("geom", Type.TEXT, "public.ST_GeomFromEWKT(r.geom)", i -> ewkt(i.point)),
            of("geo_precision", Type.INT2, i -> i.geoPrecision),
            of("place_name", Type.TEXT, i -> i.placeName),
            of("admin1", Type.TEXT, i -> i.admin1),
            of("admin2", Type.TEXT, i -> i.admin2),
            of("country", Type.TEXT, i -> i.country),
            of("killed", Type.INT4, i -> i.killed),
            of("killed_at_least", Type.BOOL, i -> i.killedAtLeast),
            of("injured", Type.INT4, i -> i.injured),
            of("injured_at_least", Type.BOOL, i -> i.injuredAtLeast),
            of("status", Type.TEXT, i -> i.status),
            of("actor", Type.TEXT, i -> i.actor),
            of("geocode_pending", Type.BOOL, i -> i.geocodePending),
            of("version", Type.INT4, i -> i.version),
            of("created_at", Type.TIMESTAMPTZ, i -> i.createdAt),
            of("updated_at", Type.TIMESTAMPTZ, i -> i.updatedAt));

    /** The incident locked for a change: concurrent changes to it queue instead of overwriting. */
    public static final String LOCKED = """
            SELECT id, event_type, sub_event_type, weapons, targets, occurred_on, time_precision,
                public.ST_X(geom) AS lon, public.ST_Y(geom) AS lat, geo_precision, place_name, admin1, admin2, country,
                killed, killed_at_least, injured, injured_at_least, status, actor, geocode_pending, version,
                created_at, updated_at
            FROM incident.incidents WHERE id = $1 FOR UPDATE""";

    public static Incident from(Row row) {
        Incident i = new Incident();
        i.id = row.getUUID("id");
        i.eventType = row.getString("event_type");
        i.subEventType = row.getString("sub_event_type");
        i.weapons = row.getArrayOfStrings("weapons");
        i.targets = row.getArrayOfStrings("targets");
        i.occurredOn = row.getLocalDate("occurred_on");
        i.timePrecision = row.getShort("time_precision");
        Double lon = row.getDouble("lon");
        i.point = lon == null ? null : new Point(lon, row.getDouble("lat"));
        i.geoPrecision = row.getShort("geo_precision");
        i.placeName = row.getString("place_name");
        i.admin1 = row.getString("admin1");
        i.admin2 = row.getString("admin2");
        i.country = row.getString("country");
        i.killed = row.getInteger("killed");
        i.killedAtLeast = row.getBoolean("killed_at_least");
        i.injured = row.getInteger("injured");
        i.injuredAtLeast = row.getBoolean("injured_at_least");
        i.status = row.getString("status");
        i.actor = row.getString("actor");
        i.geocodePending = row.getBoolean("geocode_pending");
        i.version = row.getInteger("version");
        i.createdAt = row.getOffsetDateTime("created_at").toInstant();
        i.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        return i;
    }

    /** Double.toString reads back as the same double, and PostGIS's WKT reader takes its exponent form. */
    private static String ewkt(Point p) {
        return p == null ? null : "SRID=4326;POINT(" + p.lon() + " " + p.lat() + ")";
    }
}
