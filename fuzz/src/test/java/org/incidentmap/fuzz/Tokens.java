package org.incidentmap.fuzz;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Tokens signed with the key pair incident-service trusts under its test profile, and tokens it must refuse. */
final class Tokens {

    private static final PrivateKey KEY = load();

    private Tokens() {
    }

    static String editor() {
        return Jwt.issuer("incident-map").audience("incident-service").upn("editor-fuzz").groups("editor").sign(KEY);
    }

    static String reporter() {
        return Jwt.issuer("incident-map").audience("incident-service").upn("reporter-fuzz").groups("reporter").sign(KEY);
    }

    /** Bearer values each wrong in one way: role, lifetime, issuer, audience, algorithm, signature. */
    static List<String> unfit() {
        long now = Instant.now().getEpochSecond();
        String good = editor();
        String[] parts = good.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return List.of(
                "Bearer " + Jwt.issuer("incident-map").audience("incident-service").upn("viewer").groups("viewer").sign(KEY),
                "Bearer " + Jwt.issuer("incident-map").audience("incident-service").upn("late").groups("editor")
                        .issuedAt(now - 7200).expiresAt(now - 3600).sign(KEY),
                "Bearer " + Jwt.issuer("incident-map").audience("incident-service").upn("early").groups("editor")
                        .claim("nbf", now + 3600).sign(KEY),
                "Bearer " + Jwt.issuer("elsewhere").audience("incident-service").upn("x").groups("editor").sign(KEY),
                "Bearer " + Jwt.issuer("incident-map").audience("map-gateway").upn("x").groups("editor").sign(KEY),
                "Bearer " + none + "." + parts[1] + ".",
                "Bearer " + Jwt.issuer("incident-map").audience("incident-service").upn("x").groups("editor").jws()
                        .algorithm(SignatureAlgorithm.HS256)
                        .sign(new SecretKeySpec("incident-map-public-key-bytes-32b".getBytes(StandardCharsets.US_ASCII), "HmacSHA256")),
                "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse());
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("../incident-service/src/test/resources/jwt/privateKey.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("the test signing key of incident-service is missing", e);
        }
    }
}
