package org.incidentmap.incident.extraction;

/**
 * A capitalised name in the report that may be a place.
 *
 * @param start       offset of the first character in the report text
 * @param end         offset after the last character
 * @param regionHint  the text calls it a region ("Belgorod region", "Kharkiv Oblast", "the Kyiv area"),
 *                    so the administrative area is meant rather than the city of the same name
 * @param countryHint ISO code when the text qualifies it ("Russia's Belgorod region"), else null
 */
public record PlaceMention(String text, int start, int end, boolean regionHint, String countryHint) {
}
