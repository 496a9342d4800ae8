package org.incidentmap.incident.extraction;

/**
 * A figure the report attributes to someone that is not (or not only) an incident at a place.
 *
 * @param claimant who gives the figure ("the UN human rights office"), null when the text does not say
 * @param figure   the counted thing when it is not people killed or injured ("309 drones"), else null
 */
public record ExtractedClaim(ClaimKind kind, String claimant, Integer killed, boolean killedAtLeast, Integer injured,
        boolean injuredAtLeast, String figure, String statement, int start, int end) {
}
