package org.incidentmap.gateway.problem;

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
}
