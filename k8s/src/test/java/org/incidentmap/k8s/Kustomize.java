package org.incidentmap.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, the renderer operators apply with. */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;

    private Kustomize() {
    }

    static String render(Path kustomization) {
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                        .redirectError(errors.toFile())
                        .start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
                            + Files.readString(errors));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render the manifests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
