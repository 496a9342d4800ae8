package org.incidentmap.incident.extraction;

/** Why a figure was kept as a claim instead of becoming a map marker. */
public enum ClaimKind {
    /** Totals over the war, a year, a week or a whole country ("since the start of the war"). */
    AGGREGATE_TOTAL,
    /** A side's statement of the enemy's military losses ("its troops had died", "forces lost 9,000"). */
    MILITARY_LOSSES,
    /** Drones or missiles shot down or "neutralised", equipment destroyed. */
    INTERCEPTIONS,
    /** Casualties the text ties to no place on the map. */
    UNPLACED,
    /** One party's figure for an incident another party counts differently. */
    DISPUTED_FIGURE
}
