package org.incidentmap.incident.extraction;

import java.util.List;

/** What {@link ReportExtractor} found in one report. */
public record Extraction(List<Candidate> candidates, List<ExtractedClaim> claims, List<IgnoredMention> ignoredMentions) {
}
