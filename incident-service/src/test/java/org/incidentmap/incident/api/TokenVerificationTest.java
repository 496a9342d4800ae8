package org.incidentmap.incident.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.incidentmap.incident.support.Incidents;
import org.incidentmap.incident.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Each token below differs from one the service accepts in one respect only, and each is refused
 * with 401 problem+json without writing anything.
 */
@QuarkusTest
class TokenVerificationTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer("incident-map").audience(Tokens.AUDIENCE).upn("reporter-olha").groups("reporter");
    }

    private static String signed(JwtClaimsBuilder claims) {
        return claims.sign(Tokens.signingKey());
    }

    private static void refused(String token) {
        long head = Incidents.headSeq();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("errors[0].field", equalTo("Authorization"));
        assertThat(Incidents.headSeq()).isEqualTo(head);
    }

    @Test
    void theUnalteredTokenIsAccepted() {
        given().auth().oauth2(signed(claims())).contentType(ContentType.JSON).body(Incidents.kharkivDroneFlat())
                .when().post("/incidents").then().statusCode(201);
    }

    @Test
    void anExpiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        refused(signed(claims().issuedAt(now - 7200).expiresAt(now - 3600)));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        long now = Instant.now().getEpochSecond();
        refused(signed(claims().claim("nbf", now + 3600).expiresAt(now + 7200)));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        refused(signed(claims().issuer("https://issuer.example")));
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() {
        refused(signed(claims().audience("map-gateway")));
        refused(signed(Jwt.issuer("incident-map").upn("reporter-olha").groups("reporter")));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String signedToken = signed(claims());
        String payload = signedToken.split("\\.")[1];
        String none = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        refused(none + "." + payload + ".");
    }

    /** The classic key confusion: HMAC keyed with the RSA public key the service verifies with. */
    @Test
    void aTokenSignedWithHs256AndThePublicKeyIsRefused() {
        String publicKey = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey", String.class);
        byte[] der = Base64.getDecoder().decode(publicKey);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + publicKey + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : new byte[][] {der, pem.getBytes(StandardCharsets.US_ASCII), publicKey.getBytes(StandardCharsets.US_ASCII)}) {
            refused(claims().jws().algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(secret, "HmacSHA256")));
        }
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = signed(claims()).split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        refused(parts[0] + "." + parts[1] + "." + otherSignature);

        String payload = new String(UNB64.decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"reporter\"");
        String promoted = B64.encodeToString(payload.replace("\"reporter\"", "\"editor\"").getBytes(StandardCharsets.UTF_8));
        refused(parts[0] + "." + promoted + "." + parts[2]);
    }

    @Test
    void anOversizedTokenIsRefusedEvenWhenItsSignatureHolds() {
        String token = signed(claims().claim("padding", "x".repeat(12_000)));
        assertThat(token.length()).isGreaterThan(8192);
        refused(token);
    }
}
