package org.incidentmap.gateway.features;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same OGC API and GDAL checks against the packaged gateway. */
@QuarkusIntegrationTest
class OgcFeaturesIT extends OgcFeaturesTest {
}
