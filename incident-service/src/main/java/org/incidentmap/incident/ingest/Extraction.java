package org.incidentmap.incident.ingest;

import java.util.List;

/** What {@link ReportExtractor} found in one report. */
public record Extraction(List<Candidate> candidates, List<Claim> claims, List<IgnoredMention> ignoredMentions) {
}
