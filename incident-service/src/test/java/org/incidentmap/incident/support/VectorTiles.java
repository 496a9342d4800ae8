package org.incidentmap.incident.support;

import static io.restassured.RestAssured.given;

/** Fetches tiles from the API (read them with {@link org.incidentmap.testsupport.Gdal}). */
public final class VectorTiles {

    private VectorTiles() {
    }

    public static byte[] fetch(String layer, int z, int x, int y, String query) {
        return given().urlEncodingEnabled(false).when().get("/tiles/" + layer + "/" + z + "/" + x + "/" + y
                        + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).contentType("application/vnd.mapbox-vector-tile")
                .extract().asByteArray();
    }
}
