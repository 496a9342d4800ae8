package org.incidentmap.gateway.problem;

import java.util.Map;

/** A request parameter the gateway cannot honour; answered as a 400 problem naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(detail, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The RFC 9457 problem document of this error, for the REST layer and for routes outside it. */
    public Map<String, Object> problem() {
        return ProblemMapper.document(400, "Invalid parameter", parameter.isEmpty() ? "query" : parameter, getMessage());
    }
}
