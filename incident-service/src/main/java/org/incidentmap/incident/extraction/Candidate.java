package org.incidentmap.incident.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * A proposed incident record, for a person to accept, correct or reject. Field names follow the
 * incident Feature's properties so accepting one is a copy.
 *
 * @param timePrecision 1 = the day is stated, 2 = only the report's week is known
 * @param actor         the side the text says is responsible ("Russia", "Ukraine"), null when unstated
 * @param confidence    0..1, higher when figures, a settlement, a weapon and a date are all stated
 * @param claims        differing figures for this incident from different claimants
 */
public record Candidate(List<Evidence> evidence, ResolvedPlace place, String eventType, String subEventType,
        List<String> weapons, List<String> targets, Integer killed, boolean killedAtLeast, Integer injured,
        boolean injuredAtLeast, LocalDate occurredOn, int timePrecision, String actor, double confidence,
        List<ExtractedClaim> claims) {
}
