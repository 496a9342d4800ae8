package org.incidentmap.gateway.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The report proxy passes on the caller's token, If-Match and the JSON body, and nothing else the
 * caller sent; pages of other origins may read the gateway but not post through it.
 */
@QuarkusTest
@QuarkusTestResource(value = ReportProxyTest.RecordingIncidentService.class, restrictToAnnotatedClass = true)
class ReportProxyTest {

    /** Header names incident-service may see from the proxy: the request's framing and what the review needs. */
    // "connection" is the gateway's own "close" (a connection per command), never the caller's
    private static final Set<String> FORWARDABLE = Set.of("host", "content-length", "content-type", "accept",
            "authorization", "if-match", "user-agent", "connection");

    /** Stands in for incident-service's POST /reports…, recording the headers of each request it gets. */
    public static class RecordingIncidentService implements QuarkusTestResourceLifecycleManager {

        static final List<Map<String, List<String>>> SEEN = new CopyOnWriteArrayList<>();
        static final List<String> QUERIES = new CopyOnWriteArrayList<>();
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/reports", exchange -> {
                SEEN.add(exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"candidates\":[]}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Set-Cookie", "upstream=1");
                exchange.sendResponseHeaders(201, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/review", exchange -> {
                SEEN.add(exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
                QUERIES.add(exchange.getRequestURI().getRawQuery());
                byte[] body = "{\"items\":[],\"next\":null}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return Map.of("gateway.incident-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }

    @Test
    void onlyTheTokenIfMatchAndBodyReachIncidentService() {
        RecordingIncidentService.SEEN.clear();
        given().header("Authorization", "Bearer token-of-an-editor")
                .header("Cookie", "session=secret-cookie")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Api-Key", "key-for-something-else")
                .header("Referer", "http://localhost:8080/#49,36,8")
                .header("User-Agent", "reporter-browser/1.0")
                .contentType(ContentType.JSON).body("{\"text\":\"x\",\"source\":{}}")
                .when().post("/api/reports").then().statusCode(201);
        given().header("Authorization", "Bearer token-of-an-editor").header("If-Match", "\"4\"")
                .header("Cookie", "session=secret-cookie")
                .when().post("/api/reports/00000000-0000-0000-0000-000000000001/candidates/0/accept").then().statusCode(201);

        assertThat(RecordingIncidentService.SEEN).hasSize(2);
        for (Map<String, List<String>> headers : RecordingIncidentService.SEEN) {
            assertThat(FORWARDABLE).containsAll(headers.keySet());
            assertThat(headers.get("authorization")).containsExactly("Bearer token-of-an-editor");
            assertThat(headers.getOrDefault("connection", List.of("close"))).containsExactly("close");
            assertThat(headers.getOrDefault("user-agent", List.of())).doesNotContain("reporter-browser/1.0");
        }
        assertThat(RecordingIncidentService.SEEN.get(1).get("if-match")).containsExactly("\"4\"");
    }

    @Test
    void theQueueIsReadWithTheTokenAndTheQueueParametersOnly() {
        RecordingIncidentService.SEEN.clear();
        RecordingIncidentService.QUERIES.clear();
        given().header("Authorization", "Bearer token-of-an-editor")
                .header("Cookie", "session=secret-cookie")
                .header("X-Forwarded-For", "203.0.113.7")
                .queryParam("state", "pending").queryParam("limit", "5")
                .when().get("/api/review").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());

        assertThat(RecordingIncidentService.SEEN).hasSize(1);
        Map<String, List<String>> headers = RecordingIncidentService.SEEN.get(0);
        assertThat(FORWARDABLE).containsAll(headers.keySet());
        assertThat(headers.get("authorization")).containsExactly("Bearer token-of-an-editor");
        assertThat(RecordingIncidentService.QUERIES.get(0).split("&")).containsExactlyInAnyOrder("state=pending", "limit=5");
    }

    @Test
    void aParameterTheQueueDoesNotTakeIsRefusedNamingItAndNotForwarded() {
        RecordingIncidentService.SEEN.clear();
        given().header("Authorization", "Bearer token-of-an-editor").queryParam("state", "pending")
                .queryParam("order", "newest")
                .when().get("/api/review").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("order"));
        given().header("Authorization", "Bearer token-of-an-editor").queryParam("limit", "5").queryParam("limit", "6")
                .when().get("/api/review").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        assertThat(RecordingIncidentService.SEEN).isEmpty();
    }

    @Test
    void pagesOfAnotherOriginMayReadButTheirPostsAreRefusedAndNotForwarded() {
        given().header("Origin", "https://elsewhere.example").when().get("/ogc/conformance").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/reports").then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Origin"));
        RecordingIncidentService.SEEN.clear();
        given().header("Origin", "https://elsewhere.example").header("Authorization", "Bearer token-of-an-editor")
                .contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/reports").then().statusCode(403).contentType("application/problem+json");
        assertThat(RecordingIncidentService.SEEN).isEmpty();
    }

    @Test
    void theMapPageItselfMayPost() {
        String own = "http://localhost:" + io.restassured.RestAssured.port;
        given().header("Origin", own).header("Authorization", "Bearer token-of-an-editor")
                .contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .when().post("/api/reports").then().statusCode(201)
                .header("Access-Control-Allow-Origin", own)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }
}
