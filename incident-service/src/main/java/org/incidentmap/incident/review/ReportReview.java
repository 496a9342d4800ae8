package org.incidentmap.incident.review;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.incidentmap.incident.domain.ClaimInput;
import org.incidentmap.incident.domain.IncidentCommands;
import org.incidentmap.incident.domain.IncidentDraft;
import org.incidentmap.incident.domain.IncidentFields;
import org.incidentmap.incident.domain.IncidentPatch;
import org.incidentmap.incident.requests.IncidentRequests;
import org.incidentmap.incident.domain.SourceInput;
import org.incidentmap.incident.extraction.Candidate;
import org.incidentmap.incident.extraction.Extraction;
import org.incidentmap.incident.extraction.Report;
import org.incidentmap.incident.extraction.ReportExtractor;
import org.incidentmap.incident.geocoder.Geoparser;
import org.incidentmap.incident.store.Claim;
import org.incidentmap.incident.store.IncidentStore;
import org.incidentmap.incident.store.Source;
import org.jboss.logging.Logger;

/**
 * The review of pasted reports: extraction on submission (once per URL or text), then an editor's
 * acceptance (creating or updating an incident through {@link IncidentCommands}) or rejection of
 * each candidate, recorded once.
 */
@ApplicationScoped
public class ReportReview {

    private static final Logger LOG = Logger.getLogger(ReportReview.class);

    private final Geoparser geoparser;
    private final ReportView view;
    private final IncidentRequests incidentRequests;
    private final IncidentCommands commands;
    private final SameIncidents sameIncidents;
    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock = Clock.systemUTC();

    ReportReview(Geoparser geoparser, ReportView view, IncidentRequests incidentRequests, IncidentCommands commands,
            SameIncidents sameIncidents, Vertx vertx, Pool pool) {
        this.geoparser = geoparser;
        this.view = view;
        this.incidentRequests = incidentRequests;
        this.commands = commands;
        this.sameIncidents = sameIncidents;
        this.vertx = vertx;
        this.pool = pool;
    }

    /** A report and whether this request stored it (false: it was already known by URL or text). */
    public record Submitted(ObjectNode report, boolean created) {
    }

    /** What an acceptance did: the incident and whether it was created or an existing one updated. */
    public record Acceptance(UUID incidentId, String action, @JsonRawValue String incident) {
    }

    public Uni<Submitted> submit(ReportRequests.Submission s, String author) {
        return submit(s, author, null);
    }

    /**
     * Stores a report and its extraction, or shows the one already stored with this text or URL.
     * {@code origin} names the live source it came from (null for a pasted report).
     */
    public Uni<Submitted> submit(ReportRequests.Submission s, String author, FeedOrigin origin) {
        String hash = sha256(s.text());
        return shownIfKnown(pool, hash, s.source().url()).chain(known -> {
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
                    .chain(extraction -> store(hash, s, extraction, author, origin));
        });
    }

    /** One page of the review queue: a candidate no one has decided, with its report, and where the next page starts. */
    public record Pending(List<ObjectNode> items, String next) {
    }

    /**
     * The candidates waiting for a decision, oldest report first (of one live source when
     * {@code sourceId} is given): each with the report's text, source and the candidate's evidence.
     * {@code after} is the cursor a previous page returned.
     */
    public Uni<Pending> pending(UUID sourceId, int limit, ReviewCursor after) {
        Tuple params = Tuple.from(new Object[] {sourceId, limit,
                after == null ? null : after.createdAt().atOffset(java.time.ZoneOffset.UTC), after == null ? null : after.reportId()});
        return list(pool, StoredReport.PENDING, params, StoredReport::from).chain(reports -> {
            List<ObjectNode> items = new ArrayList<>();
            Uni<Void> shown = Uni.createFrom().voidItem();
            for (StoredReport report : reports) {
                shown = shown.chain(() -> show(pool, report).invoke(r -> items.addAll(view.pendingCandidates(r))))
                        .replaceWithVoid();
            }
            String next = reports.size() < limit ? null
                    : new ReviewCursor(reports.get(reports.size() - 1).createdAt, reports.get(reports.size() - 1).id).encode();
            return shown.map(v -> new Pending(items, next));
        });
    }

    public Uni<ObjectNode> get(UUID id) {
        return one(pool, StoredReport.BY_ID, Tuple.of(id), StoredReport::from)
                .onItem().ifNull().failWith(() -> new NotFoundException("no report " + id))
                .chain(report -> show(pool, report));
    }

    /**
     * Accepts a candidate: a new incident, or a revision of the stored one it reports again. With
     * {@code ifMatch} (the version its update proposal showed) the revision fails with 412 when the
     * incident changed since, so an editor never overwrites figures they have not seen.
     */
    public Uni<Acceptance> accept(UUID id, int n, ObjectNode corrections, Integer ifMatch, String author) {
        return accept(id, n, corrections, ifMatch, author, false);
    }

    /**
     * Publishes, without review, each candidate of a live source's report whose confidence is at
     * least {@code threshold} and that has a place: as {@code reported} (never verified), its source
     * marked machine-extracted. The others wait in the queue. What it published, in candidate order.
     */
    public Uni<List<Acceptance>> autoPublish(UUID reportId, double threshold, String author) {
        return one(pool, StoredReport.BY_ID, Tuple.of(reportId), StoredReport::from).chain(report -> {
            List<Acceptance> published = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<Candidate> candidates = report == null ? List.of() : view.extraction(report).candidates();
            for (int i = 0; i < candidates.size(); i++) {
                int n = i;
                Candidate c = candidates.get(n);
                if (c.place() == null || c.confidence() < threshold) {
                    continue;
                }
                chain = chain.chain(() -> accept(reportId, n, view.emptyObject(), null, author, true)
                        .invoke(published::add)
                        .onFailure().recoverWithItem(e -> {
                            LOG.infof("candidate %d of report %s left for review: %s", n, reportId, e.getMessage());
                            return null;
                        }))
                        .replaceWithVoid();
            }
            return chain.map(v -> published);
        });
    }

    private Uni<Acceptance> accept(UUID id, int n, ObjectNode corrections, Integer ifMatch, String author,
            boolean machineExtracted) {
        return pool.withTransaction(tx -> undecided(tx, id, n).chain(report -> {
            Candidate c = candidate(report, n);
            ObjectNode node = view.incidentProperties(report, c);
            if (c.place() != null) {
                node.put("latitude", c.place().lat());
                node.put("longitude", c.place().lon());
            }
            node.setAll(corrections);
            if (machineExtracted) {
                node.put("status", "reported");
                node.withArray("sources").forEach(src -> ((ObjectNode) src).put("machineExtracted", true));
            }
            IncidentDraft draft = incidentRequests.create(node);
            Double lon = draft.point() == null ? null : draft.point().lon();
            Double lat = draft.point() == null ? null : draft.point().lat();
            return sameIncidents.find(tx, draft.fields().eventType(), draft.fields().occurredOn(), lon, lat)
                    .chain(match -> {
                        if (match == null && ifMatch != null) {
                            return Uni.createFrom().failure(new ClientErrorException(
                                    "the incident the update was proposed against is no longer a live incident of this type, day and place", 412));
                        }
                        return match == null
                                ? commands.create(tx, draft, author).map(r -> new Acceptance(r.id(), "created", r.feature()))
                                : update(tx, match, draft, ifMatch == null ? match.version() : ifMatch, author);
                    })
                    .call(a -> decide(tx, id, n, ReportDecision.ACCEPTED, null, a.incidentId(), author));
        }));
    }

    public Uni<Void> reject(UUID id, int n, String reason, String author) {
        return pool.withTransaction(c -> undecided(c, id, n)
                .invoke(report -> candidate(report, n))
                .chain(report -> decide(c, id, n, ReportDecision.REJECTED, reason, null, author)));
    }

    private Uni<Submitted> store(String hash, ReportRequests.Submission s, Extraction extraction, String author,
            FeedOrigin origin) {
        StoredReport r = new StoredReport();
        r.id = UUID.randomUUID();
        r.textHash = hash;
        r.url = s.source().url();
        r.outlet = s.source().outlet();
        r.publishedAt = s.source().publishedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        r.text = s.text();
        r.extraction = view.toJson(extraction);
        r.language = extraction.language() == null ? null : extraction.language().code();
        r.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        r.createdBy = author;
        if (origin != null) {
            r.feedSourceId = origin.sourceId();
            r.feedItem = origin.item();
            r.attribution = origin.attribution();
            r.sample = origin.sample();
            r.revisesReport = origin.revisesReport();
        }
        return pool.preparedQuery(StoredReport.INSERT).execute(r.insertValues())
                .chain(stored -> show(pool, r))
                .map(shown -> new Submitted(shown, true))
                // the same report posted twice at once: the unique keys let one in; the other shows it
                .onFailure().recoverWithUni(e -> shownIfKnown(pool, hash, r.url).chain(known -> known == null
                        ? Uni.createFrom().failure(e)
                        : Uni.createFrom().item(new Submitted(known, false))));
    }

    /** The stored report with this text or URL as the API shows it, or null. */
    private Uni<ObjectNode> shownIfKnown(SqlClient client, String hash, String url) {
        return one(client, StoredReport.BY_HASH_OR_URL, Tuple.of(hash, url), StoredReport::from)
                .chain(found -> found == null ? Uni.createFrom().nullItem() : show(client, found));
    }

    private Uni<ObjectNode> show(SqlClient client, StoredReport report) {
        List<Candidate> candidates = view.extraction(report).candidates();
        Map<Integer, StoredMatch> matches = new HashMap<>();
        Uni<Void> lookups = Uni.createFrom().voidItem();
        // a connection runs one query at a time: the look-ups go in sequence
        for (int i = 0; i < candidates.size(); i++) {
            int n = i;
            Candidate c = candidates.get(n);
            lookups = lookups.chain(() -> sameIncidents.find(client, c.eventType(), c.occurredOn(),
                    c.place() == null ? null : c.place().lon(), c.place() == null ? null : c.place().lat())
                    .invoke(m -> {
                        if (m != null) {
                            matches.put(n, m);
                        }
                    })).replaceWithVoid();
        }
        return lookups.chain(() -> list(client, ReportDecision.OF_REPORT, Tuple.of(report.id), ReportDecision::from))
                .map(ds -> view.report(report, ds, matches));
    }

    /** The report, locked so decisions on it queue; fails when the candidate was decided already. */
    private static Uni<StoredReport> undecided(SqlConnection c, UUID id, int n) {
        return one(c, StoredReport.LOCKED, Tuple.of(id), StoredReport::from)
                .onItem().ifNull().failWith(() -> new NotFoundException("no report " + id))
                .call(report -> one(c, ReportDecision.OF_CANDIDATE, Tuple.of(id, n), ReportDecision::from)
                        .invoke(d -> {
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

    /**
     * A later report of a stored incident: a revision to its figures (where the report gives them)
     * and the report as another source. When the figures differ and come from another claimant
     * than the stored ones, both are kept as claims so the disagreement stays visible.
     */
    private Uni<Acceptance> update(SqlConnection c, StoredMatch match, IncidentDraft draft, int expectedVersion,
            String author) {
        UUID id = match.incidentId();
        IncidentFields f = draft.fields();
        SourceInput source = f.sources().get(0);
        boolean newKilled = f.killed() != null;
        boolean newInjured = f.injured() != null;
        IncidentFields figures = new IncidentFields(null, null, null, null, null, null, null, null, null, null,
                null, newKilled ? f.killed() : match.killed(),
                newKilled ? f.killedAtLeast() : match.killedAtLeast(),
                newInjured ? f.injured() : match.injured(),
                newInjured ? f.injuredAtLeast() : match.injuredAtLeast(), null, null, null, null);
        IncidentPatch patch = new IncidentPatch(figures,
                Set.of("killed", "killedAtLeast", "injured", "injuredAtLeast"), false, null,
                "figures from " + source.outlet());
        return claimsToAdd(c, match, f, source).chain(claims -> {
            Uni<IncidentCommands.Result> last = commands.revise(c, id, expectedVersion, patch, author)
                    .chain(() -> commands.addSource(c, id, source, author));
            for (ClaimInput claim : claims) {
                last = last.chain(() -> commands.addClaim(c, id, claim, author));
            }
            return last;
        }).map(r -> new Acceptance(id, "updated", r.feature()));
    }

    /** The report's own claims, plus both sides' figures when they disagree and come from different claimants. */
    private static Uni<List<ClaimInput>> claimsToAdd(SqlConnection c, StoredMatch match, IncidentFields f,
            SourceInput source) {
        List<ClaimInput> claims = new ArrayList<>(f.claims() == null ? List.of() : f.claims());
        boolean disagree = f.killed() != null && match.killed() != null && !f.killed().equals(match.killed())
                || f.injured() != null && match.injured() != null && !f.injured().equals(match.injured());
        if (!disagree) {
            return Uni.createFrom().item(claims);
        }
        String newClaimant = claims.isEmpty() ? source.outlet() : claims.get(0).claimant();
        return IncidentStore.claims(c, match.incidentId()).chain(stored -> IncidentStore
                .sources(c, match.incidentId()).map(sources -> {
                    Claim storedFigures = stored.stream()
                            .filter(cl -> Objects.equals(cl.killed(), match.killed())
                                    && Objects.equals(cl.injured(), match.injured()))
                            .findFirst().orElse(null);
                    String storedClaimant = storedFigures != null ? storedFigures.claimant()
                            : sources.isEmpty() ? null : sources.get(0).outlet();
                    if (storedClaimant == null || storedClaimant.equals(newClaimant)) {
                        return claims;
                    }
                    if (storedFigures == null) {
                        claims.add(new ClaimInput(storedClaimant, match.killed(), match.killedAtLeast(),
                                match.injured(), match.injuredAtLeast(), sources.get(0).excerpt(), sources.get(0).url()));
                    }
                    if (f.claims() == null || f.claims().isEmpty()) {
                        claims.add(new ClaimInput(newClaimant, f.killed(), f.killedAtLeast(), f.injured(),
                                f.injuredAtLeast(), source.excerpt(), source.url()));
                    }
                    return claims;
                }));
    }

    private Uni<Void> decide(SqlConnection c, UUID reportId, int n, String decision, String reason, UUID incidentId,
            String author) {
        ReportDecision d = new ReportDecision();
        d.reportId = reportId;
        d.candidate = n;
        d.decision = decision;
        d.reason = reason;
        d.incidentId = incidentId;
        d.decidedBy = author;
        d.decidedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        return c.preparedQuery(ReportDecision.INSERT).execute(d.insertValues()).replaceWithVoid();
    }

    /** The first row as {@code row} maps it, or null. */
    private static <T> Uni<T> one(SqlClient client, String sql, Tuple params, Function<Row, T> row) {
        return client.preparedQuery(sql).execute(params)
                .map(rows -> rows.size() == 0 ? null : row.apply(rows.iterator().next()));
    }

    private static <T> Uni<List<T>> list(SqlClient client, String sql, Tuple params, Function<Row, T> row) {
        return client.preparedQuery(sql).execute(params).map(rows -> {
            List<T> list = new ArrayList<>(rows.size());
            rows.forEach(r -> list.add(row.apply(r)));
            return list;
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
