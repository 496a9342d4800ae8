package org.incidentmap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.BiConsumer;
import org.quicktheories.core.Gen;

/**
 * One service under fuzzing: sends each generated request, counts the rows of the tables it could
 * write before and after, and holds every answer to the properties. Keeps a tally for the run.
 */
final class Target {

    /** Statuses whose problem must name the field, parameter or header at fault. */
    private static final Set<Integer> NAMING = Set.of(400, 401, 403, 406, 412, 413, 415, 428);

    /** Requests per service and run, shared by its properties; deploy/bench/fuzz runs the full size. */
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 600);

    private final String service;
    private final int port;
    private final Rows rows;
    private final BiConsumer<Probe, RawHttp.Answer> settle;
    private final int examples;
    private long requests;
    private long success;
    private long refused;
    private long serverErrors;
    private long partialWrites;
    private long codecRefusals;

    /**
     * {@code properties} is how many properties share the service's requests; {@code settle} waits
     * for what an accepted request goes on doing after its answer (an import).
     */
    Target(String service, int port, Rows rows, int properties, BiConsumer<Probe, RawHttp.Answer> settle) {
        this.examples = Math.max(1, (REQUESTS + properties - 1) / properties);
        this.service = service;
        this.port = port;
        this.rows = rows;
        this.settle = settle;
    }

    int port() {
        return port;
    }

    /** Holds the properties for this property's share of requests drawn from {@code probes}, shrinking a failure to a small one. */
    void check(Gen<Probe> probes) {
        // A QuickTheories round can try fewer examples than it is asked for (a full-size run sent
        // 9,639 of 10,000 requests), so further rounds top the share up to what was promised.
        long start = sent();
        long missing;
        for (int round = 0; round < 20 && (missing = examples - (sent() - start)) > 0; round++) {
            qt().withExamples((int) missing).withShrinkCycles(40).forAll(probes).checkAssert(this::exercise);
        }
    }

    private synchronized long sent() {
        return requests;
    }

    void exercise(Probe probe) {
        String before = rows.count();
        RawHttp.Answer answer = RawHttp.send(port, probe);
        settle.accept(probe, answer);
        String after = rows.count();
        tally(answer.status(), !before.equals(after));
        String where = "\nrequest: " + probe + "\nanswer: " + answer.status() + " " + answer.header("content-type")
                + " " + shorten(answer.text());
        assertThat(answer.status()).as("a server error" + where).isLessThan(500);
        assertThat(answer.complete()).as("an answer cut off before its end" + where).isTrue();
        if (codecRefusal(answer)) {
            assertThat(after).as("rows written by a refused request" + where).isEqualTo(before);
            return;
        }
        if (answer.status() >= 400) {
            assertThat(answer.header("content-type")).as("not problem+json" + where)
                    .startsWith("application/problem+json");
            JsonNode problem = Hostile.parse(answer.text());
            assertThat(problem.path("status").asInt()).as("the problem's status" + where).isEqualTo(answer.status());
            if (NAMING.contains(answer.status())) {
                assertThat(named(problem)).as("a problem naming no field or parameter" + where).isNotEmpty();
            }
            assertThat(after).as("rows written by a refused request" + where).isEqualTo(before);
        }
    }

    /**
     * An empty 400, 414 or 431 without a media type: Vert.x's HTTP layer refuses a request line or
     * headers over its limits, and a query string whose percent-encoding is broken, before any
     * handler of the service can see the request, so no problem document can be written for it.
     */
    private synchronized boolean codecRefusal(RawHttp.Answer answer) {
        boolean refusal = Set.of(400, 414, 431).contains(answer.status()) && answer.header("content-type") == null
                && answer.body().length == 0;
        if (refusal) {
            codecRefusals++;
        }
        return refusal;
    }

    private static String named(JsonNode problem) {
        JsonNode first = problem.path("errors").path(0).path("field");
        if (first.isTextual()) {
            return first.asText();
        }
        return problem.path("field").asText(problem.path("parameter").asText(""));
    }

    private synchronized void tally(int status, boolean wrote) {
        requests++;
        if (status >= 500) {
            serverErrors++;
        } else if (status >= 400) {
            refused++;
            if (wrote) {
                partialWrites++;
            }
        } else {
            success++;
        }
    }

    /** The run's figures, one line that deploy/bench/fuzz adds up. */
    void report() {
        System.out.printf("FUZZ %s requests=%d accepted=%d refused=%d (of which by the HTTP codec %d) server-errors=%d "
                + "partial-writes=%d%n", service, requests, success, refused, codecRefusals, serverErrors, partialWrites);
    }

    private static String shorten(String s) {
        return s.length() <= 800 ? s : s.substring(0, 800) + "…";
    }
}
