package org.incidentmap.geocoding.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP contract checked against the packaged application. */
@QuarkusIntegrationTest
class GeocodingApiIT extends GeocodingApiTest {
}
