package org.incidentmap.incident.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An import's counts and kept errors advance chunk by chunk, in the file's order. */
class ImportProgressTest {

    private static ImportChunk failingChunk(int firstRow, int rows) {
        ArrayNode errors = new ObjectMapper().createArrayNode();
        for (int row = firstRow; row < firstRow + rows; row++) {
            errors.addObject().put("row", row).put("field", "killed").put("detail", "must be at least 0");
        }
        return new ImportChunk(List.of(), firstRow + rows - 1, rows, errors, Instant.EPOCH);
    }

    @Test
    void errorsAreKeptUpToTheLimitFromTheEarliestRows() {
        ImportChunk.Progress first = ImportChunk.Progress.START.plus(failingChunk(1, 3), 5);
        ImportChunk second = failingChunk(4, 3);

        assertThat(first.errorsKept()).isEqualTo(3);
        assertThat(first.newErrors(second, 5)).extracting(e -> e.get("row").asInt()).containsExactly(4, 5);
        ImportChunk.Progress after = first.plus(second, 5);
        assertThat(after.errorsKept()).isEqualTo(5);
        assertThat(after.totals()).isEqualTo(new ImportChunk.Totals(6, 0, 6));
        assertThat(after.newErrors(failingChunk(7, 2), 5)).isEmpty();
        assertThat(after.plus(failingChunk(7, 2), 5).totals().failed()).isEqualTo(8);
    }

    @Test
    void aResumedImportPostedWithAShorterFileNeverMovesItsRowCountBack() {
        ImportChunk.Progress stored = new ImportChunk.Progress(new ImportChunk.Totals(5000, 4990, 10), 10);

        ImportChunk.Progress after = stored.plus(new ImportChunk(List.of(), 4000, 0, new ObjectMapper().createArrayNode(),
                Instant.EPOCH), 1000);

        assertThat(after.totals().read()).isEqualTo(5000);
    }
}
