package org.incidentmap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the services wrote to their logs while they were fuzzed. */
final class ServiceLogs {

    private ServiceLogs() {
    }

    /** No token sent during the run, valid or not, appears in the service's log. */
    static void holdNoToken(String module, String valid, List<String> unfit) {
        String log;
        try {
            log = Files.readString(Path.of("target", module + ".log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(log).as(module + " logged a bearer token").doesNotContain(valid);
        for (String bearer : unfit) {
            String token = bearer.substring("Bearer ".length());
            assertThat(log).as(module + " logged a bearer token").doesNotContain(token.substring(token.lastIndexOf('.') > 0
                    && token.lastIndexOf('.') < token.length() - 1 ? token.lastIndexOf('.') : 0));
        }
    }
}
