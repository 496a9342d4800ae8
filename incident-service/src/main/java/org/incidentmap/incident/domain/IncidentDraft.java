package org.incidentmap.incident.domain;

/**
 * A validated new incident: its properties and its position. Without a position but with a place
 * name it waits for the geocoder ({@code awaitGeocoder}) unless the geocoder already said it
 * knows no such place. The {@code geocoded*} values fill what the client left out.
 */
public record IncidentDraft(IncidentFields fields, Point point, Integer geocodedPrecision, String geocodedAdmin1,
        String geocodedAdmin2, boolean awaitGeocoder) {

    public IncidentDraft(IncidentFields fields, Point point) {
        this(fields, point, null, null, null, true);
    }

    public IncidentDraft locatedAt(Point at, int geoPrecision, String admin1, String admin2) {
        return new IncidentDraft(fields, at, geoPrecision, admin1, admin2, false);
    }

    public IncidentDraft unlocatable() {
        return new IncidentDraft(fields, null, null, null, null, false);
    }
}
