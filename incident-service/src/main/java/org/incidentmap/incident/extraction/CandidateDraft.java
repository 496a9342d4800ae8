package org.incidentmap.incident.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A candidate being assembled from one or more clauses of the report. */
final class CandidateDraft {

    private static final double SAME_PLACE_KM = 1.0;

    final ResolvedPlace place;
    final int sentenceIndex;
    final List<Evidence> evidence = new ArrayList<>();
    final Set<String> weapons = new LinkedHashSet<>();
    final Set<String> targets = new LinkedHashSet<>();
    final List<ExtractedClaim> claims = new ArrayList<>();
    String claimant;
    Integer killed;
    boolean killedAtLeast;
    Integer injured;
    boolean injuredAtLeast;
    EventDate date;
    String actor;
    String eventType;
    String subEventType;

    CandidateDraft(ResolvedPlace place, int sentenceIndex) {
        this.place = place;
        this.sentenceIndex = sentenceIndex;
    }

    boolean hasFigures() {
        return killed != null || injured != null;
    }

    /**
     * "Drones targeted the Odesa region. In Odesa a warehouse was hit.": the region-wide line without
     * figures of its own only summarises the settlement incidents that follow on the same day.
     */
    boolean summarisedBy(CandidateDraft settlement) {
        return place.precision() == GeoPrecision.REGION && !hasFigures()
                && settlement.place.precision() == GeoPrecision.SETTLEMENT
                && Objects.equals(place.admin1(), settlement.place.admin1())
                && Objects.equals(date.date(), settlement.date.date());
    }

    void addEvidence(Evidence e) {
        if (!evidence.contains(e)) {
            evidence.add(e);
        }
    }

    /** Adds figures from the clause; a second figure for the same count raises it ("the toll rose to six"). */
    void addCasualties(List<Casualty> casualties) {
        for (Casualty c : casualties) {
            int n = (int) c.count();
            if (c.kind() == Casualty.Kind.KILLED) {
                if (killed == null || n > killed) {
                    killed = n;
                    killedAtLeast = c.atLeast();
                }
            } else if (injured == null || n > injured) {
                injured = n;
                injuredAtLeast = c.atLeast();
            }
        }
    }

    boolean samePlaceAndDay(CandidateDraft other) {
        // "Odesa" the city and "the Odesa region" share a name but are different places
        boolean samePlace = place.precision() == other.place.precision()
                && (place.name().equalsIgnoreCase(other.place.name())
                        || Geo.km(place.lon(), place.lat(), other.place.lon(), other.place.lat()) < SAME_PLACE_KM);
        return samePlace && Objects.equals(date.date(), other.date.date());
    }

    /**
     * Folds a later mention of the same incident in. When two named parties give different figures,
     * both go to {@link #claims} and the earlier stays on the record: neither silently wins.
     */
    void absorb(CandidateDraft later) {
        later.evidence.forEach(this::addEvidence);
        weapons.addAll(later.weapons);
        targets.addAll(later.targets);
        if (actor == null) {
            actor = later.actor;
        }
        if (subEventType == null && later.subEventType != null) {
            eventType = later.eventType;
            subEventType = later.subEventType;
        }
        boolean disputed = claimant != null && later.claimant != null && !claimant.equalsIgnoreCase(later.claimant)
                && hasFigures() && later.hasFigures() && (differ(killed, later.killed) || differ(injured, later.injured));
        if (disputed) {
            if (claims.isEmpty()) {
                claims.add(asClaim());
            }
            claims.add(later.asClaim());
            return;
        }
        if (later.killed != null && (killed == null || later.killed > killed)) {
            killed = later.killed;
            killedAtLeast = later.killedAtLeast;
        }
        if (later.injured != null && (injured == null || later.injured > injured)) {
            injured = later.injured;
            injuredAtLeast = later.injuredAtLeast;
        }
        if (claimant == null) {
            claimant = later.claimant;
        }
    }

    private static boolean differ(Integer a, Integer b) {
        return a != null && b != null && !a.equals(b);
    }

    private ExtractedClaim asClaim() {
        Evidence e = evidence.get(evidence.size() - 1);
        return new ExtractedClaim(ClaimKind.DISPUTED_FIGURE, claimant, killed, killedAtLeast, injured, injuredAtLeast, null,
                e.text(), e.start(), e.end());
    }

    Candidate toCandidate() {
        return new Candidate(List.copyOf(evidence), place, eventType, subEventType, List.copyOf(weapons),
                List.copyOf(targets), killed, killedAtLeast, injured, injuredAtLeast, date.date(), date.precision(),
                actor, confidence(), List.copyOf(claims));
    }

    private double confidence() {
        double c = 0.4;
        c += hasFigures() ? 0.2 : 0;
        c += place.precision() == GeoPrecision.SETTLEMENT ? 0.15 : 0.05;
        c += weapons.isEmpty() ? 0 : 0.1;
        c += date.precision() == 1 ? 0.05 : 0;
        c += actor == null ? 0 : 0.05;
        c -= claims.isEmpty() ? 0 : 0.2;
        return Math.round(Math.min(c, 0.95) * 100) / 100.0;
    }

}
