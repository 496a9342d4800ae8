package org.incidentmap.incident.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/local/token prints a token the service's JWT verification accepts, with the role asked for. */
class LocalTokenScriptTest {

    @TempDir
    Path stack;

    private String token(String role) throws Exception {
        Path script = Paths.get("..", "deploy", "local", "token").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), role);
        pb.environment().put("IM_LOCAL", stack.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    @Test
    void tokensAreSignedWithTheLocalKeyPairAndCarryTheRole() throws Exception {
        String editor = token("editor");
        String reporter = token("reporter");
        Path publicKey = stack.resolve("keys/public.pem");
        assertThat(Files.exists(publicKey)).isTrue();

        DefaultJWTParser parser = new DefaultJWTParser(new JWTAuthContextInfo(publicKey.toUri().toString(), "incident-map"));
        JsonWebToken parsedEditor = parser.parse(editor);
        assertThat(parsedEditor.getGroups()).containsExactly("editor");
        assertThat(parsedEditor.getIssuer()).isEqualTo("incident-map");
        assertThat(parser.parse(reporter).getGroups()).containsExactly("reporter");
    }
}
