package org.incidentmap.gateway.stream;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Lists {@code GET /stream} in the OpenAPI document, which only scans JAX-RS resources; the stream is a Vert.x route. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class StreamOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem("/stream", OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("stream")
                .summary("Live incident events: id = seq, event = kind, data = the incident Feature; "
                        + "resume with Last-Event-ID or since")
                .addParameter(parameter("since", Parameter.In.QUERY, "Replay every event after this seq"))
                .addParameter(parameter("Last-Event-ID", Parameter.In.HEADER, "As since; browsers send it when they reconnect"))
                .addParameter(parameter("bbox", Parameter.In.QUERY, "minLon,minLat,maxLon,maxLat"))
                .addParameter(parameter("eventType", Parameter.In.QUERY, "Event types, comma-separated"))
                .addParameter(parameter("minKilled", Parameter.In.QUERY, "At least this many killed"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Server-sent events")
                                .content(OASFactory.createContent().addMediaType("text/event-stream",
                                        OASFactory.createMediaType())))
                        .addAPIResponse("400", OASFactory.createAPIResponse().description("A malformed parameter, named")
                                .content(OASFactory.createContent().addMediaType("application/problem+json",
                                        OASFactory.createMediaType()))))));
    }

    private static Parameter parameter(String name, Parameter.In in, String description) {
        return OASFactory.createParameter().name(name).in(in).description(description);
    }
}
