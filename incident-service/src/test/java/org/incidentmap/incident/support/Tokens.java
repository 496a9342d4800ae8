package org.incidentmap.incident.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;

/** Bearer tokens signed with the test key pair whose public half the service trusts in tests. */
public final class Tokens {

    /** The audience incident-service requires (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "incident-service";
    private static final PrivateKey KEY = load();

    private Tokens() {
    }

    public static String reporter() {
        return token("reporter-ana", "reporter");
    }

    public static String editor() {
        return token("editor-ivan", "editor");
    }

    public static String token(String user, String role) {
        return Jwt.issuer("incident-map").audience(AUDIENCE).upn(user).groups(role).sign(KEY);
    }

    public static String tokenFromIssuer(String issuer, String role) {
        return Jwt.issuer(issuer).audience(AUDIENCE).upn("someone").groups(role).sign(KEY);
    }

    /** The key the tests sign with, for tokens a test builds itself. */
    public static PrivateKey signingKey() {
        return KEY;
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("/jwt/privateKey.pem");
        } catch (Exception e) {
            throw new IllegalStateException("test signing key missing", e);
        }
    }
}
