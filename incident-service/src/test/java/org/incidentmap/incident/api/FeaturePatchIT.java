package org.incidentmap.incident.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application. */
@QuarkusIntegrationTest
class FeaturePatchIT extends FeaturePatchTest {
}
