package org.incidentmap.k8s;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The module's kustomizations, each rendered once per test run. */
final class Overlays {

    static final Path K8S_DIR = Path.of(System.getProperty("incidentmap.k8s.dir", "."));
    static final String PROJECT_VERSION = System.getProperty("incidentmap.version");

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** "base" or an overlay name, rendered with kubectl kustomize. */
    static String rendered(String name) {
        return RENDERED.computeIfAbsent(name, n -> Kustomize.render(directory(n)));
    }

    static StrictManifests.Result read(String name) {
        return StrictManifests.read(rendered(name));
    }

    static Path directory(String name) {
        return "base".equals(name) ? K8S_DIR.resolve("base") : K8S_DIR.resolve("overlays").resolve(name);
    }
}
