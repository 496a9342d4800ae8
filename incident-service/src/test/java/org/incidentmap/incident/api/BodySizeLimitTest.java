package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * JSON command bodies are held to incident.input.max-json-body-bytes while they arrive: a declared
 * length over it is refused before the body is sent, a chunked body once it passes it, both as 413
 * problem+json with nothing stored. Imports stream and take bodies of any size.
 */
@QuarkusTest
class BodySizeLimitTest {

    private static final int LIMIT = ConfigProvider.getConfig().getValue("incident.input.max-json-body-bytes", Integer.class);

    /** A JSON object just over the limit. */
    private static String oversized() {
        return "{\"eventType\":\"" + "x".repeat(LIMIT) + "\"}";
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        long head = Incidents.headSeq();
        try (RawHttp http = new RawHttp()) {
            http.send("POST /incidents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.reporter()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (10L * LIMIT) + "\r\n\r\n");
            // not a byte of the body is sent: the answer comes from the headers alone
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.header("connection")).isEqualToIgnoringCase("close");
            JsonPath problem = JsonPath.from(response.body());
            assertThat(problem.getInt("status")).isEqualTo(413);
            assertThat(problem.getString("errors[0].field")).isEqualTo("body");
            assertThat(problem.getString("errors[0].detail")).contains("Content-Length");
        }
        assertThat(Incidents.headSeq()).isEqualTo(head);
    }

    @Test
    void everyJsonWriteEndpointRefusesAnOversizedBodyWith413ProblemAndStoresNothing() {
        String id = Incidents.createKyiv();
        String report = UUID.randomUUID().toString();
        long head = Incidents.headSeq();
        Map<String, String> endpoints = new HashMap<>(Map.of(
                "/incidents", "POST",
                "/incidents/" + id, "PATCH",
                "/incidents/" + id + "/sources", "POST",
                "/incidents/" + id + "/claims", "POST",
                "/incidents/" + id + "/status", "POST",
                "/reports", "POST",
                "/reports/" + report + "/candidates/0/accept", "POST",
                "/reports/" + report + "/candidates/0/reject", "POST"));
        endpoints.forEach((path, method) -> given().auth().oauth2(Tokens.editor()).contentType("application/json")
                .header("If-Match", "\"1\"").body(oversized())
                .when().request(method, path)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("instance", equalTo(path)));

        assertThat(Incidents.headSeq()).isEqualTo(head);
        given().when().get("/incidents/" + id).then().body("properties.version", equalTo(1));
    }

    @Test
    void aChunkedBodyIsCutOffWith413AsSoonAsItPassesTheLimit() throws IOException {
        long head = Incidents.headSeq();
        try (RawHttp http = new RawHttp()) {
            http.send("POST /incidents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.reporter()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] piece = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            http.chunk("{\"eventType\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent <= LIMIT; sent += piece.length) {
                http.chunk(piece);
            }
            // the body has not ended (no last chunk), yet the answer comes
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(JsonPath.from(response.body()).getString("errors[0].detail")).contains("while arriving");
        }
        assertThat(Incidents.headSeq()).isEqualTo(head);
    }

    @Test
    void aClientThatGoesOnSendingAfterThe413IsDisconnected() throws IOException {
        long discardedAtMost = ConfigProvider.getConfig().getValue("incident.input.max-discarded-bytes", Long.class);
        try (RawHttp http = new RawHttp()) {
            http.send("POST /incidents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.reporter()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] piece = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent <= LIMIT; sent += piece.length) {
                http.chunk(piece);
            }
            assertThat(http.read().status()).isEqualTo(413);
            assertThat(http.keepsSending(piece, 2 * (LIMIT + discardedAtMost))).as("disconnected").isFalse();
        }
    }

    @Test
    void aClientWaitingFor100ContinueIsToldToSendOnlyWhenTheLengthFits() throws IOException {
        byte[] body = Incidents.kharkivDroneFlat().getBytes(StandardCharsets.UTF_8);
        String headers = "POST /incidents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.reporter()
                + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ";
        try (RawHttp http = new RawHttp()) {
            http.send(headers + body.length + "\r\n\r\n");
            assertThat(http.statusLine()).contains(" 100 ");
            http.send(new String(body, StandardCharsets.UTF_8));
            assertThat(http.read().status()).isEqualTo(201);
        }
        try (RawHttp http = new RawHttp()) {
            http.send(headers + (LIMIT + 1) + "\r\n\r\n");
            RawHttp.Response refused = http.read();
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws IOException {
        byte[] body = Incidents.kharkivDroneFlat().getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp()) {
            http.send("POST /incidents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.reporter()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            int half = body.length / 2;
            http.chunk(java.util.Arrays.copyOfRange(body, 0, half));
            http.chunk(java.util.Arrays.copyOfRange(body, half, body.length));
            http.chunk(new byte[0]);
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(201);
            assertThat(JsonPath.from(response.body()).getString("properties.placeName")).isEqualTo("Kharkiv");
        }
    }

    @Test
    void anImportLargerThanTheJsonLimitIsAccepted() {
        String oblast = "Large import oblast " + UUID.randomUUID();
        String note = "y".repeat(900);
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        int rows = 0;
        while (sb.length() <= 2 * LIMIT) {
            sb.append(rows == 0 ? "" : ",").append("""
                    {"type":"Feature","geometry":{"type":"Point","coordinates":[36.2,49.9]},"properties":{
                     "eventType":"Explosions/Remote violence","occurredOn":"2024-05-01","admin1":"%s","country":"UA",
                     "placeName":"Kharkiv","sources":[{"outlet":"Test wire","excerpt":"%s"}]}}""".formatted(oblast, note));
            rows++;
        }
        String body = sb.append("]}").toString();
        assertThat(body.length()).isGreaterThan(LIMIT);

        String location = given().auth().oauth2(Tokens.editor()).contentType("application/geo+json").body(body)
                .when().post("/imports")
                .then().statusCode(202).extract().header("Location");
        JsonPath status = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().when().get(location).then().statusCode(200).extract().jsonPath(),
                        s -> !List.of("queued", "running").contains(s.getString("state")));
        assertThat(status.getString("state")).isEqualTo("done");
        assertThat(status.getInt("rowsImported")).isEqualTo(rows);
        given().when().get("/incidents?limit=10000&admin1=" + oblast).then().statusCode(200)
                .body("numberReturned", equalTo(rows))
                .body("features[0].properties.sources[0].excerpt", containsString(note));
    }

    /** A bare HTTP/1.1 exchange, for what RestAssured cannot send: headers without their body, a body left unfinished. */
    private static final class RawHttp implements AutoCloseable {

        record Response(int status, Map<String, String> headers, String body) {
            String header(String name) {
                return headers.get(name.toLowerCase(Locale.ROOT));
            }
        }

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        RawHttp() throws IOException {
            socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void chunk(byte[] data) throws IOException {
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Sends up to {@code total} more bytes of chunks; false once the server has closed the connection. */
        boolean keepsSending(byte[] piece, long total) throws IOException {
            try {
                for (long sent = 0; sent < total; sent += piece.length) {
                    chunk(piece);
                }
            } catch (SocketException e) {
                return false;
            }
            return !closedByServer();
        }

        /** True when the server closes the connection within the socket timeout. */
        boolean closedByServer() throws IOException {
            try {
                return in.read() == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true;
            }
        }

        String statusLine() throws IOException {
            String status = line();
            line();
            return status;
        }

        /** Reads one response, skipping interim (1xx) ones. */
        Response read() throws IOException {
            while (true) {
                int status = Integer.parseInt(line().split(" ")[1]);
                Map<String, String> headers = new HashMap<>();
                for (String line = line(); !line.isEmpty(); line = line()) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                if (status >= 200) {
                    return new Response(status, headers, body(headers));
                }
            }
        }

        private String body(Map<String, String> headers) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(), 16); size > 0; size = Integer.parseInt(line(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else {
                body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed mid-line");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
