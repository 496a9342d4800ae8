package org.incidentmap.incident.extraction;

import java.util.List;

/**
 * What {@link ReportExtractor} found in one report.
 *
 * @param language the report's language as detected; null in extractions stored before it was recorded
 */
public record Extraction(List<Candidate> candidates, List<ExtractedClaim> claims, List<IgnoredMention> ignoredMentions,
        Language language) {
}
