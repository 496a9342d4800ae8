package org.incidentmap.geocoding.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * With one event loop, a small request is answered while a large batch or a long text is being
 * ranked: matching runs on worker threads, never on the loop every request needs. Only the order
 * of completion is asserted; no duration is.
 */
@QuarkusTest
@TestProfile(MatchingLeavesTheEventLoopFreeTest.OneEventLoop.class)
class MatchingLeavesTheEventLoopFreeTest {

    /** One event loop: any work left on it holds up every other request. */
    public static class OneEventLoop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.vertx.event-loops-pool-size", "1");
        }
    }

    private static final List<String> TOWNS = List.of("Kharkiv", "Izium", "Kupiansk", "Lyman", "Bakhmut", "Donetsk",
            "Kramatorsk", "Sloviansk", "Pokrovsk", "Avdiivka", "Mariupol", "Berdiansk", "Melitopol", "Nikopol",
            "Marhanets", "Kherson", "Mykolaiv", "Odesa", "Ochakiv", "Sumy", "Okhtyrka", "Konotop", "Chernihiv",
            "Poltava", "Kremenchuk", "Dnipro", "Pavlohrad", "Vinnytsia", "Uman", "Lviv", "Ternopil", "Rivne",
            "Lutsk", "Zhytomyr", "Korosten", "Brovary", "Irpin", "Bucha", "Hostomel", "Chuhuiv", "Balakliia",
            "Vovchansk", "Druzhkivka", "Toretsk", "Selydove", "Kurakhove", "Orikhiv", "Huliaipole", "Tokmak",
            "Enerhodar", "Beryslav", "Snihurivka", "Bashtanka", "Voznesensk");

    /** Village names hundreds of places share: each brings many candidates to rank against many context hits. */
    private static final List<String> VILLAGES = List.of("Ivanivka", "Novoselivka", "Mykolaivka", "Petrivka",
            "Oleksandrivka", "Andriivka", "Vasylivka", "Mykhailivka", "Pavlivka", "Stepanivka", "Kamianka",
            "Berezivka", "Hryhorivka", "Dmytrivka", "Sofiivka", "Marivka", "Yakovlivka", "Novomykolaivka",
            "Volodymyrivka", "Olenivka", "Semenivka", "Kalynivka", "Zelene", "Shevchenkove");

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLivenessCheckIsAnsweredBeforeALargeBatchThatIsBeingRanked() {
        String context = jsonString(report(VILLAGES, 5000));
        StringBuilder body = new StringBuilder("{\"queries\":[");
        // one database round trip's worth of queries (the batch chunk), all ranked in one go
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",").append("{\"q\":").append(jsonString(VILLAGES.get(i % VILLAGES.size())))
                    .append(",\"context\":").append(context).append('}');
        }
        body.append("]}");
        assertAnsweredFirst(post("geocode/batch", body.toString()), get("q/health/live"));
    }

    @Test
    void aOneNameGeocodeIsAnsweredBeforeALongTextThatIsBeingGeoparsed() {
        // about 85 names: one batch chunk, so that its ranking is one stretch, as the batch's is
        List<String> places = new ArrayList<>(TOWNS);
        places.addAll(VILLAGES);
        assertAnsweredFirst(post("geoparse", "{\"text\":" + jsonString(report(places, 1400)) + "}"),
                get("geocode?q=" + URLEncoder.encode("Kharkiv", StandardCharsets.UTF_8)));
    }

    /**
     * Sends {@code big}, waits until its ranking (the last CPU-bound stage, ahead of the answer)
     * shows on some thread's stack, then sends {@code small}, which must complete first. Were the
     * ranking on the only event loop, the small request could not even be read before it ends.
     */
    private void assertAnsweredFirst(HttpRequest big, HttpRequest small) {
        // once ahead, so that later the small request finds an open connection and its code loaded:
        // what it then waits for is the service alone
        assertThat(http.sendAsync(small, HttpResponse.BodyHandlers.discarding()).join().statusCode()).isEqualTo(200);
        List<String> completed = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<String>> bigAnswer = http.sendAsync(big, HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> completed.add("big"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                .until(() -> bigAnswer.isDone() || rankingUnderway());
        assertThat(bigAnswer).as("the big request is still being ranked").isNotDone();
        CompletableFuture<HttpResponse<String>> smallAnswer = http.sendAsync(small, HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> completed.add("small"));
        assertThat(smallAnswer.join().statusCode()).isEqualTo(200);
        assertThat(bigAnswer.join().statusCode()).isEqualTo(200);
        assertThat(completed).containsExactly("small", "big");
    }

    private static boolean rankingUnderway() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().equals("org.incidentmap.geocoding.match.Ranker"));
    }

    /** A made-up report naming many towns: every name is a query, and all are each other's context. */
    private static String report(List<String> places, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length - 60; i++) {
            // in lower case but for the names, so that only the names are proposed as places
            text.append("drones hit ").append(places.get(i * 7 % places.size())).append(" and ")
                    .append(places.get((i * 11 + 3) % places.size())).append(" near ")
                    .append(places.get((i * 13 + 5) % places.size())).append("; ");
        }
        return text.toString();
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET().build();
    }
}
