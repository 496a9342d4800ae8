package org.incidentmap.incident.reports;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.incidentmap.incident.domain.IncidentCommands;
import org.incidentmap.incident.domain.IncidentDraft;
import org.incidentmap.incident.domain.IncidentFields;
import org.incidentmap.incident.domain.IncidentPatch;
import org.incidentmap.incident.domain.IncidentRequests;
import org.incidentmap.incident.domain.SourceInput;
import org.incidentmap.incident.ingest.Candidate;
import org.incidentmap.incident.ingest.Extraction;
import org.incidentmap.incident.ingest.Report;
import org.incidentmap.incident.ingest.ReportExtractor;
import org.incidentmap.incident.store.Incident;
import org.jboss.logging.Logger;

/**
 * The review of pasted reports: extraction on submission (once per URL or text), then an editor's
 * acceptance (creating or updating an incident through {@link IncidentCommands}) or rejection of
 * each candidate, recorded once.
 */
@ApplicationScoped
public class ReportReview {

    private static final Logger LOG = Logger.getLogger(ReportReview.class);

    /** Nearest live incident of the same type and day within a distance, for an acceptance to update. */
    private static final String SAME_INCIDENT = """
            SELECT CAST(id AS text) FROM incident.incidents
            WHERE event_type = ?1 AND occurred_on = ?2 AND status <> 'retracted' AND geom IS NOT NULL
              AND ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(?3, ?4), 4326)::geography, ?5)
            ORDER BY geom::geography <-> ST_SetSRID(ST_MakePoint(?3, ?4), 4326)::geography
            LIMIT 1""";

    private final Geoparser geoparser;
    private final ReportView view;
    private final IncidentRequests incidentRequests;
    private final IncidentCommands commands;
    private final ReportsConfig config;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();

    ReportReview(Geoparser geoparser, ReportView view, IncidentRequests incidentRequests, IncidentCommands commands,
            ReportsConfig config, Vertx vertx) {
        this.geoparser = geoparser;
        this.view = view;
        this.incidentRequests = incidentRequests;
        this.commands = commands;
        this.config = config;
        this.vertx = vertx;
    }

    /** A report and whether this request stored it (false: it was already known by URL or text). */
    public record Submitted(ObjectNode report, boolean created) {
    }

    /** What an acceptance did: the incident and whether it was created or an existing one updated. */
    public record Acceptance(UUID incidentId, String action, @JsonRawValue String incident) {
    }

    public Uni<Submitted> submit(ReportRequests.Submission s, String author) {
        String hash = sha256(s.text());
        return Panache.withSession(() -> shownIfKnown(hash, s.source().url())).chain(known -> {
            if (known != null) {
                return Uni.createFrom().item(new Submitted(known, false));
            }
            Report report = new Report(s.text(), s.source().publishedAt().toInstant(), s.source().outlet(),
                    s.source().url());
            return geoparser.resolverFor(s.text())
                    .onFailure().transform(e -> {
                        LOG.warnf("geoparse failed: %s", e.toString());
                        return new ServiceUnavailableException(
                                "geocoding-service could not resolve the report's places; try again later");
                    })
                    // the extractor is plain CPU work of unbounded length; keep it off the event loop
                    .chain(resolver -> vertx.executeBlocking(() -> new ReportExtractor(resolver).extract(report), false))
                    .chain(extraction -> store(hash, s, extraction, author));
        });
    }

    public Uni<ObjectNode> get(UUID id) {
        return Panache.withSession(() -> StoredReport.<StoredReport>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("no report " + id))
                .chain(this::show));
    }

    public Uni<Acceptance> accept(UUID id, int n, ObjectNode corrections, String author) {
        return Panache.withTransaction(() -> undecided(id, n).chain(report -> {
            Candidate c = candidate(report, n);
            ObjectNode node = view.incidentProperties(report, c);
            if (c.place() != null) {
                node.put("latitude", c.place().lat());
                node.put("longitude", c.place().lon());
            }
            node.setAll(corrections);
            IncidentDraft draft = incidentRequests.create(node);
            return sameIncident(draft).chain(existingId -> existingId == null
                    ? commands.create(draft, author).map(r -> new Acceptance(r.id(), "created", r.feature()))
                    : update(existingId, draft, author))
                    .call(a -> decide(id, n, ReportDecision.ACCEPTED, null, a.incidentId(), author));
        }));
    }

    public Uni<Void> reject(UUID id, int n, String reason, String author) {
        return Panache.withTransaction(() -> undecided(id, n)
                .invoke(report -> candidate(report, n))
                .chain(report -> decide(id, n, ReportDecision.REJECTED, reason, null, author)));
    }

    private Uni<Submitted> store(String hash, ReportRequests.Submission s, Extraction extraction, String author) {
        StoredReport r = new StoredReport();
        r.id = UUID.randomUUID();
        r.textHash = hash;
        r.url = s.source().url();
        r.outlet = s.source().outlet();
        r.publishedAt = s.source().publishedAt().toInstant();
        r.text = s.text();
        r.extraction = view.toJson(extraction);
        r.createdAt = clock.instant();
        r.createdBy = author;
        return Panache.withTransaction(r::persist)
                .map(stored -> new Submitted(view.report(r, List.of()), true))
                // the same report posted twice at once: the unique keys let one in; the other shows it
                .onFailure().recoverWithUni(e -> Panache.withSession(() -> shownIfKnown(hash, r.url)).chain(known -> known == null
                        ? Uni.createFrom().failure(e)
                        : Uni.createFrom().item(new Submitted(known, false))));
    }

    /** The stored report with this text or URL as the API shows it, or null. */
    private Uni<ObjectNode> shownIfKnown(String hash, String url) {
        return existing(hash, url).chain(found -> found == null ? Uni.createFrom().nullItem() : show(found));
    }

    private static Uni<StoredReport> existing(String hash, String url) {
        return (url == null
                ? StoredReport.<StoredReport>find("textHash = ?1", hash)
                : StoredReport.<StoredReport>find("textHash = ?1 or url = ?2", hash, url)).firstResult();
    }

    private Uni<ObjectNode> show(StoredReport report) {
        return ReportDecision.<ReportDecision>list("reportId", report.id).map(ds -> view.report(report, ds));
    }

    /** The report, locked so decisions on it queue; fails when the candidate was decided already. */
    private static Uni<StoredReport> undecided(UUID id, int n) {
        return StoredReport.<StoredReport>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundException("no report " + id))
                .call(report -> ReportDecision.<ReportDecision>find("reportId = ?1 and candidate = ?2", id, n)
                        .firstResult().invoke(d -> {
                            if (d != null) {
                                throw new ClientErrorException("candidate " + n + " of report " + id + " was already "
                                        + d.decision + " by " + d.decidedBy, 409);
                            }
                        }));
    }

    private Candidate candidate(StoredReport report, int n) {
        List<Candidate> candidates = view.extraction(report).candidates();
        if (n < 0 || n >= candidates.size()) {
            throw new NotFoundException("report " + report.id + " has no candidate " + n);
        }
        return candidates.get(n);
    }

    private Uni<String> sameIncident(IncidentDraft draft) {
        if (draft.point() == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(SAME_INCIDENT, String.class)
                .setParameter(1, draft.fields().eventType())
                .setParameter(2, draft.fields().occurredOn())
                .setParameter(3, draft.point().lon())
                .setParameter(4, draft.point().lat())
                .setParameter(5, config.sameIncidentMeters())
                .getResultList()
                .map(ids -> ids.isEmpty() ? null : ids.get(0)));
    }

    /** A second report of a known incident: its figures when higher, and the report as another source. */
    private Uni<Acceptance> update(String existingId, IncidentDraft draft, String author) {
        UUID id = UUID.fromString(existingId);
        IncidentFields f = draft.fields();
        SourceInput source = f.sources().get(0);
        return Incident.<Incident>findById(id).chain(incident -> {
            boolean moreKilled = f.killed() != null && (incident.killed == null || f.killed() > incident.killed);
            boolean moreInjured = f.injured() != null && (incident.injured == null || f.injured() > incident.injured);
            IncidentFields figures = new IncidentFields(null, null, null, null, null, null, null, null, null, null,
                    null, moreKilled ? f.killed() : incident.killed,
                    moreKilled ? f.killedAtLeast() : incident.killedAtLeast,
                    moreInjured ? f.injured() : incident.injured,
                    moreInjured ? f.injuredAtLeast() : incident.injuredAtLeast, null, null, null, null);
            IncidentPatch patch = new IncidentPatch(figures,
                    Set.of("killed", "killedAtLeast", "injured", "injuredAtLeast"), false, null,
                    "figures from " + source.outlet());
            return commands.revise(id, incident.version, patch, author)
                    .chain(() -> commands.addSource(id, source, author))
                    .map(r -> new Acceptance(id, "updated", r.feature()));
        });
    }

    private Uni<Void> decide(UUID reportId, int n, String decision, String reason, UUID incidentId, String author) {
        ReportDecision d = new ReportDecision();
        d.reportId = reportId;
        d.candidate = n;
        d.decision = decision;
        d.reason = reason;
        d.incidentId = incidentId;
        d.decidedBy = author;
        d.decidedAt = Instant.now(clock);
        return d.persist().replaceWithVoid();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
