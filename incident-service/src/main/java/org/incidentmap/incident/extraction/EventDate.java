package org.incidentmap.incident.extraction;

import java.time.LocalDate;

/** A date the text gives (precision 1) or the report's own date when it gives none (precision 2). */
record EventDate(LocalDate date, int precision) {
}
