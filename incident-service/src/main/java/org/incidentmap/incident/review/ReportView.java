package org.incidentmap.incident.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentmap.incident.extraction.Candidate;
import org.incidentmap.incident.extraction.ExtractedClaim;
import org.incidentmap.incident.extraction.Evidence;
import org.incidentmap.incident.extraction.Extraction;

/**
 * The JSON of a report under review: each candidate as an incident Feature whose properties are the
 * proposed record (what accepting it stores) plus its evidence, confidence and the decision taken.
 */
@ApplicationScoped
public class ReportView {

    /** Longest excerpt the incident store accepts. */
    private static final int MAX_EXCERPT = 5000;

    private final ObjectMapper mapper;

    ReportView(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode emptyObject() {
        return mapper.createObjectNode();
    }

    public String toJson(Extraction extraction) {
        try {
            return mapper.writeValueAsString(extraction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Extraction extraction(StoredReport report) {
        try {
            return mapper.readValue(report.extraction, Extraction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored extraction of report " + report.id + " unreadable", e);
        }
    }

    /**
     * The report with each candidate's proposal: {@code "new"}, or {@code "update"} of the stored
     * incident in {@code matches} (by candidate index) with the figures and version it holds now.
     */
    public ObjectNode report(StoredReport report, List<ReportDecision> decisions, Map<Integer, StoredMatch> matches) {
        Extraction x = extraction(report);
        Map<Integer, ReportDecision> byCandidate = decisions.stream()
                .collect(Collectors.toMap(d -> d.candidate, Function.identity()));
        ObjectNode out = mapper.createObjectNode();
        out.put("id", report.id.toString());
        out.put("language", report.language);
        ObjectNode source = out.putObject("source");
        source.put("outlet", report.outlet);
        source.put("url", report.url);
        source.put("publishedAt", report.publishedAt.toString());
        if (report.feedSourceId != null) {
            source.put("attribution", report.attribution);
            source.put("sample", report.sample);
            source.putObject("feed").put("id", report.feedSourceId.toString()).put("name", report.feedName)
                    .put("url", report.feedUrl).put("item", report.feedItem);
            out.put("revisesReport", report.revisesReport == null ? null : report.revisesReport.toString());
        }
        out.put("text", report.text);
        out.put("createdAt", report.createdAt.toString());
        out.put("createdBy", report.createdBy);
        ArrayNode candidates = out.putArray("candidates");
        for (int n = 0; n < x.candidates().size(); n++) {
            Candidate c = x.candidates().get(n);
            ObjectNode feature = candidates.addObject();
            feature.put("type", "Feature");
            feature.put("id", n);
            if (c.place() == null) {
                feature.putNull("geometry");
            } else {
                ObjectNode geometry = feature.putObject("geometry");
                geometry.put("type", "Point");
                geometry.putArray("coordinates").add(c.place().lon()).add(c.place().lat());
            }
            ObjectNode props = incidentProperties(report, c);
            ArrayNode evidence = props.putArray("evidence");
            for (Evidence e : c.evidence()) {
                evidence.addObject().put("start", e.start()).put("end", e.end()).put("text", e.text());
            }
            props.put("confidence", c.confidence());
            proposal(props, matches.get(n));
            ReportDecision d = byCandidate.get(n);
            if (d == null) {
                props.putNull("review");
            } else {
                props.putObject("review").put("decision", d.decision).put("reason", d.reason)
                        .put("incidentId", d.incidentId == null ? null : d.incidentId.toString())
                        .put("decidedBy", d.decidedBy).put("decidedAt", d.decidedAt.toString());
            }
            feature.set("properties", props);
        }
        out.set("claims", mapper.valueToTree(x.claims()));
        out.set("ignoredMentions", mapper.valueToTree(x.ignoredMentions()));
        return out;
    }

    /**
     * The undecided candidates of a report as the review queue lists them: the candidate Feature
     * beside the report's id, text and source, so one entry is all an editor needs to decide.
     */
    public List<ObjectNode> pendingCandidates(ObjectNode report) {
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (var candidate : report.withArray("candidates")) {
            if (!candidate.path("properties").path("review").isNull()) {
                continue;
            }
            ObjectNode item = mapper.createObjectNode();
            item.put("reportId", report.path("id").asText());
            item.put("candidate", candidate.path("id").asInt());
            item.set("language", report.path("language"));
            item.set("text", report.path("text"));
            item.set("source", report.path("source"));
            item.set("createdAt", report.path("createdAt"));
            if (report.has("revisesReport")) {
                item.set("revisesReport", report.path("revisesReport"));
            }
            item.set("feature", candidate);
            out.add(item);
        }
        return out;
    }

    private static void proposal(ObjectNode props, StoredMatch match) {
        if (match == null) {
            props.put("proposal", "new");
            return;
        }
        props.put("proposal", "update");
        props.put("incidentId", match.incidentId().toString());
        props.put("incidentVersion", match.version());
        props.putObject("stored").put("placeName", match.placeName())
                .put("killed", match.killed()).put("killedAtLeast", match.killedAtLeast())
                .put("injured", match.injured()).put("injuredAtLeast", match.injuredAtLeast());
    }

    /** The incident record a candidate proposes, in the flat form {@code POST /incidents} takes (without the position). */
    public ObjectNode incidentProperties(StoredReport report, Candidate c) {
        ObjectNode p = mapper.createObjectNode();
        p.put("eventType", c.eventType());
        p.put("subEventType", c.subEventType());
        p.set("weapons", mapper.valueToTree(c.weapons() == null ? List.of() : c.weapons()));
        p.set("targets", mapper.valueToTree(c.targets() == null ? List.of() : c.targets()));
        p.put("occurredOn", c.occurredOn() == null ? null : c.occurredOn().toString());
        p.put("timePrecision", c.timePrecision());
        if (c.place() == null) {
            p.putNull("geoPrecision");
            p.putNull("placeName");
            p.putNull("admin1");
            p.putNull("country");
        } else {
            p.put("geoPrecision", c.place().precision().code());
            p.put("placeName", c.place().name());
            p.put("admin1", c.place().admin1());
            p.put("country", c.place().country());
        }
        p.put("killed", c.killed());
        p.put("killedAtLeast", c.killedAtLeast());
        p.put("injured", c.injured());
        p.put("injuredAtLeast", c.injuredAtLeast());
        p.put("status", "reported");
        p.put("actor", c.actor());
        ArrayNode sources = p.putArray("sources");
        sources.addObject().put("outlet", report.outlet).put("url", report.url)
                .put("publishedAt", report.publishedAt.toString()).put("excerpt", excerpt(c))
                .put("machineExtracted", false).put("sample", report.sample);
        ArrayNode claims = p.putArray("claims");
        for (ExtractedClaim claim : c.claims() == null ? List.<ExtractedClaim>of() : c.claims()) {
            claims.addObject()
                    .put("claimant", claim.claimant() != null ? claim.claimant() : report.outlet)
                    .put("killed", claim.killed()).put("killedAtLeast", claim.killedAtLeast())
                    .put("injured", claim.injured()).put("injuredAtLeast", claim.injuredAtLeast())
                    .put("statement", claim.statement()).put("sourceUrl", report.url);
        }
        return p;
    }

    /** The quoted sentences, in text order. */
    private static String excerpt(Candidate c) {
        String joined = c.evidence().stream().map(Evidence::text).map(String::strip).collect(Collectors.joining(" … "));
        return joined.length() <= MAX_EXCERPT ? joined : joined.substring(0, MAX_EXCERPT - 1) + "…";
    }
}
