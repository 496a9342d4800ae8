package org.incidentmap.incident.imports;

import java.time.Instant;
import java.util.List;
import org.incidentmap.incident.domain.NewIncident;

/**
 * A run of consecutive rows of an upload, validated: the incidents to write, and the errors of the
 * rows that failed, as the JSON array the import's status appends. {@code lastRow} is the number of
 * the chunk's last row in the file; {@code failedRows} counts its rejected rows (errors kept may be
 * fewer, see {@link ImportConfig#maxErrors()}).
 */
record ImportChunk(List<NewIncident> incidents, int lastRow, int failedRows, String errors, Instant at) {

    /** An import's counts after a chunk is in. */
    record Totals(int read, int imported, int failed) {

        /** A resumed import posted with a shorter file never moves its stored row count back. */
        Totals plus(ImportChunk chunk) {
            return new Totals(Math.max(read, chunk.lastRow()), imported + chunk.incidents().size(),
                    failed + chunk.failedRows());
        }
    }
}
