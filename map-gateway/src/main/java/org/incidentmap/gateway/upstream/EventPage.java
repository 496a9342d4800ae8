package org.incidentmap.gateway.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One page of incident-service's event log: events after the asked seq, and the newest seq it holds. */
public record EventPage(List<ObjectNode> events, long headSeq) {
}
