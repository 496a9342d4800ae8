package org.incidentmap.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The image builds cannot run here (no container engine), so their Dockerfiles are checked
 * against what the manifests and the Maven reactor expect of them.
 */
class DockerfilesTest {

    private static final Path ROOT = Overlays.K8S_DIR.toAbsolutePath().getParent();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private static List<String> instructions(String service, String flavour) throws IOException {
        return Files.readAllLines(ROOT.resolve(service).resolve("src/main/docker").resolve("Dockerfile." + flavour))
                .stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String last(List<String> instructions, String keyword) {
        return instructions.stream().filter(i -> i.startsWith(keyword + " ")).reduce((a, b) -> b)
                .map(i -> i.substring(keyword.length() + 1).strip())
                .orElseThrow(() -> new AssertionError("no " + keyword));
    }

    @ParameterizedTest
    @CsvSource({
        "incident-service, jvm, registry.access.redhat.com/ubi9/openjdk-21-runtime:",
        "incident-service, native, quay.io/quarkus/ubi9-quarkus-micro-image:",
        "geocoding-service, jvm, registry.access.redhat.com/ubi9/openjdk-21-runtime:",
        "geocoding-service, native, quay.io/quarkus/ubi9-quarkus-micro-image:",
        "map-gateway, jvm, registry.access.redhat.com/ubi9/openjdk-21-runtime:",
        "map-gateway, native, quay.io/quarkus/ubi9-quarkus-micro-image:"})
    void imagesCompileInABuildStageAndRunAsANonRootUserOnASmallBase(String service, String flavour, String runtimeBase)
            throws IOException {
        List<String> instructions = instructions(service, flavour);

        assertThat(instructions.stream().filter(i -> i.startsWith("FROM "))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(last(instructions, "FROM")).startsWith(runtimeBase);
        assertThat(Integer.parseInt(last(instructions, "USER").split(":")[0])).as("numeric non-root user").isPositive();
        assertThat(instructions).anySatisfy(i -> assertThat(i).startsWith("RUN ").contains(" -pl " + service + " ")
                .contains(flavour.equals("native") ? "-Pnative" : "package"));
    }

    @ParameterizedTest
    @CsvSource({"incident-service, jvm", "incident-service, native", "geocoding-service, jvm",
        "geocoding-service, native", "map-gateway, jvm", "map-gateway, native"})
    void imagesExposeThePortTheDeploymentProbes(String service, String flavour) throws IOException {
        int containerPort = Workloads.podSpec(Overlays.read("dev").one(Deployment.class, service))
                .getContainers().get(0).getPorts().get(0).getContainerPort();

        assertThat(Integer.parseInt(last(instructions(service, flavour), "EXPOSE"))).isEqualTo(containerPort);
    }

    @ParameterizedTest
    @CsvSource({"incident-service, jvm", "incident-service, native", "geocoding-service, jvm",
        "geocoding-service, native", "map-gateway, jvm", "map-gateway, native"})
    void imageBuildsCopyEveryReactorModulePom(String service, String flavour) throws IOException {
        // Maven reads every module of the parent POM even when building one of them.
        Matcher modules = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> instructions = instructions(service, flavour);

        assertThat(instructions).contains("COPY pom.xml ./");
        while (modules.find()) {
            String module = modules.group(1);
            assertThat(instructions).contains("COPY " + module + "/pom.xml " + module + "/");
        }
    }
}
