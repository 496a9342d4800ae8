package org.incidentmap.incident.domain;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.incidentmap.incident.events.EventAppender;
import org.incidentmap.incident.events.EventKind;
import org.incidentmap.incident.store.Claim;
import org.incidentmap.incident.store.Incident;
import org.incidentmap.incident.store.IncidentStore;
import org.incidentmap.incident.store.Revision;
import org.incidentmap.incident.store.Source;

/**
 * Every change to an incident, each in one transaction that writes the new state, a revision and
 * one event ({@link EventAppender}). Items are the incident's Feature as JSON after the change.
 * Each command also comes in a form that joins a transaction the caller holds, for changes that
 * must commit together with the caller's own writes (a report's acceptance).
 */
@ApplicationScoped
public class IncidentCommands {

    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    public IncidentCommands(Pool pool) {
        this.pool = pool;
    }

    /** A change the caller made, and the Feature it produced. */
    public record Result(UUID id, int version, String feature) {
    }

    public Uni<Result> create(IncidentDraft draft, String author) {
        return inTransaction(c -> create(c, draft, author));
    }

    public Uni<Result> create(SqlConnection c, IncidentDraft draft, String author) {
        NewIncident created = NewIncident.of(draft, now());
        Incident incident = created.incident();
        return IncidentStore.insert(c, incident)
                .chain(() -> IncidentStore.addSources(c, created.sources()))
                .chain(() -> IncidentStore.addClaims(c, created.claims()))
                .chain(() -> IncidentStore.addRevision(c,
                        new Revision(incident.id, 1, author, incident.createdAt, "created", created.changes())))
                .chain(() -> EventAppender.append(c,
                        List.of(EventAppender.Pending.of(incident.id, EventKind.CREATED, created.feature()))))
                .map(v -> new Result(incident.id, incident.version, created.feature()));
    }

    public Uni<Result> revise(UUID id, int expectedVersion, IncidentPatch patch, String author) {
        return inTransaction(c -> revise(c, id, expectedVersion, patch, author));
    }

    public Uni<Result> revise(SqlConnection c, UUID id, int expectedVersion, IncidentPatch patch, String author) {
        return locked(c, id).chain(incident -> {
            if (incident.version != expectedVersion) {
                return Uni.createFrom().failure(new VersionConflictException(expectedVersion, incident.version));
            }
            Map<String, Object> before = ChangeSet.snapshot(incident);
            Point from = incident.point;
            IncidentMapping.applyPresent(incident, patch.fields(), patch.present());
            if (patch.moves()) {
                Integer precision = patch.present().contains("geoPrecision") ? patch.fields().geoPrecision()
                        : incident.geoPrecision == null ? null : incident.geoPrecision.intValue();
                place(incident, patch.point(), precision, true);
                checkPosition(incident, patch.point(), patch.form());
            }
            IncidentMapping.checkRequired(incident, patch.form());
            ChangeSet changes = ChangeSet.between(before, ChangeSet.snapshot(incident));
            String beforeStatus = (String) before.get("status");
            return commit(c, incident, changes, author, patch.reason(), kindFor(beforeStatus, incident.status), from);
        });
    }

    public Uni<Result> changeStatus(UUID id, String status, String reason, String author) {
        return inTransaction(c -> locked(c, id).chain(incident -> {
            String from = incident.status;
            ChangeSet changes = new ChangeSet();
            if (!from.equals(status)) {
                changes.record("status", from, status);
                incident.status = status;
            }
            return commit(c, incident, changes, author, reason, kindFor(from, status), incident.point);
        }));
    }

    public Uni<Result> addSource(UUID id, SourceInput input, String author) {
        return inTransaction(c -> addSource(c, id, input, author));
    }

    public Uni<Result> addSource(SqlConnection c, UUID id, SourceInput input, String author) {
        return locked(c, id).chain(incident -> {
            ChangeSet changes = new ChangeSet();
            changes.added("sources", input);
            return IncidentStore.addSources(c, List.of(Source.of(id, input, now())))
                    .chain(() -> commit(c, incident, changes, author, "source added", EventKind.UPDATED, incident.point));
        });
    }

    public Uni<Result> addClaim(UUID id, ClaimInput input, String author) {
        return inTransaction(c -> addClaim(c, id, input, author));
    }

    public Uni<Result> addClaim(SqlConnection c, UUID id, ClaimInput input, String author) {
        return locked(c, id).chain(incident -> {
            ChangeSet changes = new ChangeSet();
            changes.added("claims", input);
            return IncidentStore.addClaims(c, List.of(Claim.of(id, input, now())))
                    .chain(() -> commit(c, incident, changes, author, "claim added", EventKind.UPDATED, incident.point));
        });
    }

    /** Sets the position a geocoder found for an incident that waited for it. */
    public Uni<Result> resolvePlace(UUID id, Point point, int geoPrecision, String admin1, String admin2, String author) {
        return inTransaction(c -> locked(c, id).chain(incident -> {
            if (!incident.geocodePending) {
                return Uni.createFrom().item(new Result(incident.id, incident.version, null));
            }
            Map<String, Object> before = ChangeSet.snapshot(incident);
            Point from = incident.point;
            place(incident, point, geoPrecision, false);
            if (incident.admin1 == null) {
                incident.admin1 = admin1;
            }
            if (incident.admin2 == null) {
                incident.admin2 = admin2;
            }
            incident.geocodePending = false;
            ChangeSet changes = ChangeSet.between(before, ChangeSet.snapshot(incident));
            return commit(c, incident, changes, author, "place name geocoded", EventKind.UPDATED, from);
        }));
    }

    /** The geocoder knows no such place: stop retrying; the incident stays unresolved and unchanged. */
    public Uni<Void> stopGeocoding(UUID id) {
        return inTransaction(c -> locked(c, id).chain(incident -> {
            incident.geocodePending = false;
            return IncidentStore.update(c, incident);
        }));
    }

    /**
     * A change that changes nothing writes nothing: no revision, no event, the same version.
     * {@code from} is where the incident was before the change: a change that moved it says so in its event.
     */
    private Uni<Result> commit(SqlConnection c, Incident incident, ChangeSet changes, String author, String reason,
            EventKind kind, Point from) {
        if (changes.isEmpty()) {
            return IncidentStore.feature(c, incident).map(feature -> new Result(incident.id, incident.version, feature));
        }
        incident.version++;
        incident.updatedAt = now();
        return IncidentStore.update(c, incident)
                .chain(() -> IncidentStore.addRevision(c,
                        new Revision(incident.id, incident.version, author, incident.updatedAt, reason, changes.toJson())))
                .chain(() -> IncidentStore.feature(c, incident))
                .call(feature -> EventAppender.append(c, List.of(
                        new EventAppender.Pending(incident.id, kind, feature, changes.changed("geometry"), from))))
                .map(feature -> new Result(incident.id, incident.version, feature));
    }

    private <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** The database keeps times to the microsecond; the Feature shows what it keeps. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Loads the incident under a row lock, so concurrent changes to it queue instead of overwriting. */
    private static Uni<Incident> locked(SqlConnection c, UUID id) {
        return IncidentStore.locked(c, id).onItem().ifNull().failWith(() -> new IncidentNotFoundException(id));
    }

    private static EventKind kindFor(String fromStatus, String toStatus) {
        return "retracted".equals(toStatus) && !"retracted".equals(fromStatus) ? EventKind.RETRACTED : EventKind.UPDATED;
    }

    /**
     * Without a position an incident keeps its place name and, if {@code awaitGeocoder}, waits for
     * the geocoder; with one it gets a geo precision (a settlement unless the client says otherwise).
     */
    static void place(Incident incident, Point point, Integer geoPrecision, boolean awaitGeocoder) {
        if (point == null) {
            incident.point = null;
            incident.geoPrecision = null;
            incident.geocodePending = awaitGeocoder && incident.placeName != null && !incident.placeName.isBlank();
        } else {
            incident.point = point;
            incident.geoPrecision = (short) (geoPrecision == null ? 1 : geoPrecision);
            incident.geocodePending = false;
        }
    }

    /** The patch may move the incident without naming its country, so the stored country is checked here. */
    private static void checkPosition(Incident incident, Point point, IncidentPatch.Form form) {
        if (point == null) {
            return;
        }
        List<FieldError> errors = Coordinates.check(point.lat(), point.lon(), incident.country, form.latitude(), form.longitude());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
