package org.incidentmap.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The invariant checks catch the mistakes they exist for. */
class WorkloadsTest {

    private static Deployment gateway() {
        return Overlays.read("dev").one(Deployment.class, "map-gateway");
    }

    private static Container container(Deployment deployment) {
        return Workloads.podSpec(deployment).getContainers().get(0);
    }

    @Test
    void aDeploymentWithoutLivenessProbeIsReported() {
        Deployment deployment = gateway();
        container(deployment).setLivenessProbe(null);

        assertThat(Workloads.probeViolations(deployment))
                .containsExactly("Deployment/map-gateway container map-gateway: no HTTP livenessProbe");
    }

    @Test
    void aReadinessProbeOnTheLivenessPathIsReported() {
        Deployment deployment = gateway();
        container(deployment).getReadinessProbe().getHttpGet().setPath("/q/health/live");

        assertThat(Workloads.probeViolations(deployment)).containsExactly(
                "Deployment/map-gateway container map-gateway: readinessProbe on /q/health/live, not /q/health/ready");
    }

    @Test
    void aContainerWithoutMemoryLimitIsReported() {
        Deployment deployment = gateway();
        container(deployment).getResources().getLimits().remove("memory");

        assertThat(Workloads.resourceViolations(deployment))
                .containsExactly("Deployment/map-gateway container map-gateway: no memory limit");
    }

    @Test
    void aWritableRootFilesystemAndKeptCapabilitiesAreReported() {
        Deployment deployment = gateway();
        container(deployment).getSecurityContext().setReadOnlyRootFilesystem(false);
        container(deployment).getSecurityContext().getCapabilities().getDrop().clear();

        assertThat(Workloads.securityViolations(deployment)).containsExactlyInAnyOrder(
                "Deployment/map-gateway container map-gateway: root filesystem is writable",
                "Deployment/map-gateway container map-gateway: capabilities not dropped");
    }

    @Test
    void aMountedServiceAccountTokenIsReported() {
        Deployment deployment = gateway();
        Workloads.podSpec(deployment).setAutomountServiceAccountToken(null);

        assertThat(Workloads.securityViolations(deployment)).containsExactly(
                "Deployment/map-gateway: service account token mounted");
    }
}
