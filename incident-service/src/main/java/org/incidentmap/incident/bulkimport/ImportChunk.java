package org.incidentmap.incident.bulkimport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import org.incidentmap.incident.domain.NewIncident;

/**
 * A run of consecutive rows of an upload, validated: the incidents to write, and the errors of the
 * rows that failed. {@code lastRow} is the number of the chunk's last row in the file;
 * {@code failedRows} counts its rejected rows ({@code errors} may hold fewer, see
 * {@link ImportConfig#maxErrors()}).
 */
record ImportChunk(List<NewIncident> incidents, int lastRow, int failedRows, ArrayNode errors, Instant at) {

    /** An import's counts. */
    record Totals(int read, int imported, int failed) {
    }

    /** An import's counts and how many of its errors are kept, after some of its chunks are in. */
    record Progress(Totals totals, int errorsKept) {

        static final Progress START = new Progress(new Totals(0, 0, 0), 0);

        /** A resumed import posted with a shorter file never moves its stored row count back. */
        Progress plus(ImportChunk chunk, int maxErrors) {
            return new Progress(new Totals(Math.max(totals.read(), chunk.lastRow()),
                    totals.imported() + chunk.incidents().size(), totals.failed() + chunk.failedRows()),
                    errorsKept + newErrors(chunk, maxErrors).size());
        }

        /** The chunk's errors the import keeps after those kept before it. */
        ArrayNode newErrors(ImportChunk chunk, int maxErrors) {
            int room = Math.max(0, maxErrors - errorsKept);
            ArrayNode kept = chunk.errors().arrayNode();
            for (int k = 0; k < Math.min(room, chunk.errors().size()); k++) {
                kept.add(chunk.errors().get(k));
            }
            return kept;
        }
    }
}
