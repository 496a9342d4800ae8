package org.incidentmap.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every service Deployment must have: the Quarkus health probes, sized resources and a
 * locked-down security context. Each check returns the violations it found, so a test can
 * both require none on the real manifests and show that a broken manifest is caught.
 */
final class Workloads {

    private static final String STARTED = "/q/health/started";
    private static final String READY = "/q/health/ready";
    private static final String LIVE = "/q/health/live";

    private Workloads() {
    }

    static List<String> probeViolations(Deployment deployment) {
        List<String> violations = new ArrayList<>();
        for (Container container : podSpec(deployment).getContainers()) {
            String where = where(deployment, container);
            check(violations, where, "startupProbe", container.getStartupProbe(), STARTED, container);
            check(violations, where, "readinessProbe", container.getReadinessProbe(), READY, container);
            check(violations, where, "livenessProbe", container.getLivenessProbe(), LIVE, container);
        }
        return violations;
    }

    static List<String> resourceViolations(Deployment deployment) {
        List<String> violations = new ArrayList<>();
        for (Container container : podSpec(deployment).getContainers()) {
            String where = where(deployment, container);
            Map<String, Quantity> requests = container.getResources() == null ? Map.of()
                    : Objects.requireNonNullElse(container.getResources().getRequests(), Map.of());
            Map<String, Quantity> limits = container.getResources() == null ? Map.of()
                    : Objects.requireNonNullElse(container.getResources().getLimits(), Map.of());
            for (String resource : List.of("cpu", "memory")) {
                if (!requests.containsKey(resource)) {
                    violations.add(where + ": no " + resource + " request");
                }
                if (!limits.containsKey(resource)) {
                    violations.add(where + ": no " + resource + " limit");
                } else if (requests.containsKey(resource) && limits.get(resource).getNumericalAmount()
                        .compareTo(requests.get(resource).getNumericalAmount()) < 0) {
                    violations.add(where + ": " + resource + " limit below its request");
                }
            }
        }
        return violations;
    }

    static List<String> securityViolations(Deployment deployment) {
        List<String> violations = new ArrayList<>();
        PodSpec pod = podSpec(deployment);
        String id = "Deployment/" + deployment.getMetadata().getName();
        PodSecurityContext podContext = Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            violations.add(id + ": service account token mounted");
        }
        if (podContext.getSeccompProfile() == null
                || !"RuntimeDefault".equals(podContext.getSeccompProfile().getType())) {
            violations.add(id + ": seccomp profile is not RuntimeDefault");
        }
        for (Container container : pod.getContainers()) {
            String where = where(deployment, container);
            SecurityContext context = Objects.requireNonNullElseGet(container.getSecurityContext(), SecurityContext::new);
            if (!Boolean.TRUE.equals(context.getRunAsNonRoot()) && !Boolean.TRUE.equals(podContext.getRunAsNonRoot())) {
                violations.add(where + ": may run as root");
            }
            if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                violations.add(where + ": root filesystem is writable");
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                violations.add(where + ": privilege escalation allowed");
            }
            if (context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                    || !context.getCapabilities().getDrop().contains("ALL")) {
                violations.add(where + ": capabilities not dropped");
            }
            boolean tmpIsEmptyDir = container.getVolumeMounts().stream()
                    .filter(mount -> "/tmp".equals(mount.getMountPath()))
                    .map(mount -> volume(pod, mount.getName()))
                    .anyMatch(volume -> volume != null && volume.getEmptyDir() != null);
            if (!tmpIsEmptyDir) {
                violations.add(where + ": no emptyDir at /tmp for the read-only root filesystem");
            }
        }
        return violations;
    }

    static PodSpec podSpec(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst().orElse(null);
    }

    private static void check(List<String> violations, String where, String kind, Probe probe, String path,
            Container container) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(where + ": no HTTP " + kind);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            violations.add(where + ": " + kind + " on " + probe.getHttpGet().getPath() + ", not " + path);
        }
        var port = probe.getHttpGet().getPort();
        boolean portExposed = container.getPorts().stream().anyMatch(p -> port != null
                && (Objects.equals(port.getStrVal(), p.getName()) || Objects.equals(port.getIntVal(), p.getContainerPort())));
        if (!portExposed) {
            violations.add(where + ": " + kind + " port " + port + " is not a container port");
        }
    }

    private static String where(Deployment deployment, Container container) {
        return "Deployment/" + deployment.getMetadata().getName() + " container " + container.getName();
    }
}
