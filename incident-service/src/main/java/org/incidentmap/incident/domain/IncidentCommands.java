package org.incidentmap.incident.domain;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentmap.incident.events.EventKind;
import org.incidentmap.incident.events.EventLog;
import org.incidentmap.incident.store.Claim;
import org.incidentmap.incident.store.FeatureReader;
import org.incidentmap.incident.store.Incident;
import org.incidentmap.incident.store.Revision;
import org.incidentmap.incident.store.Source;

/**
 * Every change to an incident, each in one transaction that writes the new state, a revision and
 * one event. Items are the incident's Feature as JSON after the change.
 */
@ApplicationScoped
public class IncidentCommands {

    private final EventLog events;
    private final FeatureReader features;
    private final Clock clock = Clock.systemUTC();

    public IncidentCommands(EventLog events, FeatureReader features) {
        this.events = events;
        this.features = features;
    }

    /** A change the caller made, and the Feature it produced. */
    public record Result(UUID id, int version, String feature) {
    }

    @WithTransaction
    public Uni<Result> create(IncidentDraft draft, String author) {
        Instant now = clock.instant();
        NewIncident created = NewIncident.of(draft, now);
        Incident incident = created.incident();
        Uni<Void> writes = Uni.createFrom().voidItem();
        for (SourceInput s : created.sources()) {
            writes = writes.chain(() -> toSource(incident.id, s, now).persist()).replaceWithVoid();
        }
        for (ClaimInput c : created.claims()) {
            writes = writes.chain(() -> toClaim(incident.id, c, now).persist()).replaceWithVoid();
        }
        Uni<Void> children = writes;
        return incident.<Incident>persist()
                .chain(() -> children)
                .chain(() -> new Revision(incident.id, 1, author, now, "created", created.changes()).persist())
                .chain(() -> events.append(incident.id, EventKind.CREATED))
                .map(feature -> new Result(incident.id, incident.version, feature));
    }

    @WithTransaction
    public Uni<Result> revise(UUID id, int expectedVersion, IncidentPatch patch, String author) {
        return locked(id).chain(incident -> {
            if (incident.version != expectedVersion) {
                return Uni.createFrom().failure(new VersionConflictException(expectedVersion, incident.version));
            }
            Map<String, Object> before = ChangeSet.snapshot(incident);
            IncidentMapping.applyPresent(incident, patch.fields(), patch.present());
            if (patch.moves()) {
                Integer precision = patch.present().contains("geoPrecision") ? patch.fields().geoPrecision()
                        : incident.geoPrecision == null ? null : incident.geoPrecision.intValue();
                place(incident, patch.point(), precision, true);
            }
            if (patch.moves()) {
                checkPosition(incident, patch.point(), patch.form());
            }
            IncidentMapping.checkRequired(incident, patch.form());
            ChangeSet changes = ChangeSet.between(before, ChangeSet.snapshot(incident));
            String beforeStatus = (String) before.get("status");
            return commit(incident, changes, author, patch.reason(), kindFor(beforeStatus, incident.status));
        });
    }

    @WithTransaction
    public Uni<Result> changeStatus(UUID id, String status, String reason, String author) {
        return locked(id).chain(incident -> {
            String from = incident.status;
            ChangeSet changes = new ChangeSet();
            if (!from.equals(status)) {
                changes.record("status", from, status);
                incident.status = status;
            }
            return commit(incident, changes, author, reason, kindFor(from, status));
        });
    }

    @WithTransaction
    public Uni<Result> addSource(UUID id, SourceInput input, String author) {
        return locked(id).chain(incident -> {
            ChangeSet changes = new ChangeSet();
            changes.added("sources", input);
            return toSource(id, input, clock.instant()).persist()
                    .chain(() -> commit(incident, changes, author, "source added", EventKind.UPDATED));
        });
    }

    @WithTransaction
    public Uni<Result> addClaim(UUID id, ClaimInput input, String author) {
        return locked(id).chain(incident -> {
            ChangeSet changes = new ChangeSet();
            changes.added("claims", input);
            return toClaim(id, input, clock.instant()).persist()
                    .chain(() -> commit(incident, changes, author, "claim added", EventKind.UPDATED));
        });
    }

    /** Sets the position a geocoder found for an incident that waited for it. */
    @WithTransaction
    public Uni<Result> resolvePlace(UUID id, Point point, int geoPrecision, String admin1, String admin2, String author) {
        return locked(id).chain(incident -> {
            if (!incident.geocodePending) {
                return Uni.createFrom().item(new Result(incident.id, incident.version, null));
            }
            Map<String, Object> before = ChangeSet.snapshot(incident);
            place(incident, point, geoPrecision, false);
            if (incident.admin1 == null) {
                incident.admin1 = admin1;
            }
            if (incident.admin2 == null) {
                incident.admin2 = admin2;
            }
            incident.geocodePending = false;
            ChangeSet changes = ChangeSet.between(before, ChangeSet.snapshot(incident));
            return commit(incident, changes, author, "place name geocoded", EventKind.UPDATED);
        });
    }

    /** The geocoder knows no such place: stop retrying; the incident stays unresolved and unchanged. */
    @WithTransaction
    public Uni<Void> stopGeocoding(UUID id) {
        return locked(id).invoke(incident -> incident.geocodePending = false).replaceWithVoid();
    }

    /** A change that changes nothing writes nothing: no revision, no event, the same version. */
    private Uni<Result> commit(Incident incident, ChangeSet changes, String author, String reason, EventKind kind) {
        if (changes.isEmpty()) {
            return features.current(incident.id).map(feature -> new Result(incident.id, incident.version, feature));
        }
        incident.version++;
        incident.updatedAt = clock.instant();
        return new Revision(incident.id, incident.version, author, incident.updatedAt, reason, changes.toJson())
                .persist()
                .chain(() -> events.append(incident.id, kind))
                .map(feature -> new Result(incident.id, incident.version, feature));
    }

    /** Loads the incident under a row lock, so concurrent changes to it queue instead of overwriting. */
    private static Uni<Incident> locked(UUID id) {
        return Incident.<Incident>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new IncidentNotFoundException(id));
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
            incident.geometry = null;
            incident.geoPrecision = null;
            incident.geocodePending = awaitGeocoder && incident.placeName != null && !incident.placeName.isBlank();
        } else {
            incident.geometry = point.toGeoJson();
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

    private static Source toSource(UUID incidentId, SourceInput in, Instant now) {
        Source s = new Source();
        s.incidentId = incidentId;
        s.outlet = in.outlet();
        s.url = in.url();
        s.publishedAt = in.publishedAt() == null ? null : in.publishedAt().toInstant();
        s.excerpt = in.excerpt();
        s.addedAt = now;
        return s;
    }

    private static Claim toClaim(UUID incidentId, ClaimInput in, Instant now) {
        Claim c = new Claim();
        c.incidentId = incidentId;
        c.claimant = in.claimant();
        c.killed = in.killed();
        c.killedAtLeast = Boolean.TRUE.equals(in.killedAtLeast());
        c.injured = in.injured();
        c.injuredAtLeast = Boolean.TRUE.equals(in.injuredAtLeast());
        c.statement = in.statement();
        c.sourceUrl = in.sourceUrl();
        c.addedAt = now;
        return c;
    }

}
