package org.incidentmap.incident.extraction;

/** A name deliberately kept off the map, with the rule that excluded it. */
public record IgnoredMention(PlaceMention mention, Reason reason) {

    public enum Reason {
        /** Where talks or meetings were held ("talks in Abu Dhabi"). */
        DIPLOMATIC_VENUE,
        /** A military grouping named after a place or direction ("the Dnepr group of forces"). */
        MILITARY_GROUPING,
        /** A person ("Rustem Umerov", "President Zelenskyy"). */
        PERSON,
        /** Inside quotation marks: a nickname or a slogan, not a location. */
        QUOTED
    }
}
