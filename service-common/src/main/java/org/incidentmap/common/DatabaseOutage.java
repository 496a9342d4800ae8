package org.incidentmap.common;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure caused by the database being unreachable (a 503 the client should retry) from a
 * fault of the service (a 500), for every service with a database. The Vert.x pool and Agroal wrap
 * the cause differently, so the whole cause chain is read.
 */
public final class DatabaseOutage {

    /** The message of the Vert.x SQL pool's acquisition timeout, which has no type of its own. */
    private static final String POOL_TIMEOUT = "Timeout waiting for connection";
    /** How the Vert.x SQL client refuses work on a connection whose socket has closed (no type either). */
    private static final String NOT_ACTIVE = "Connection is not active now";
    private static final int MAX_DEPTH = 16;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof CompositeException composite) {
                // a failed transaction whose rollback failed too: both say the same when the database is away
                return composite.getCauses().stream().anyMatch(DatabaseOutage::causedBy);
            }
            if (t instanceof ProcessingException) {
                // a REST client's failure: another service (the geocoder) is away, not the database
                return false;
            }
            if (t instanceof DatabaseException db) {
                return unavailableState(db.getSqlState());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return unavailableState(sql.getSQLState());
            }
            if (t instanceof ClosedConnectionException || t instanceof ConnectException
                    // Agroal's acquisition timeout: an SQLException without state caused by a timeout
                    || (t instanceof SQLException && t.getCause() instanceof TimeoutException)
                    || (t instanceof VertxException && POOL_TIMEOUT.equals(t.getMessage()))
                    || (t instanceof NoStackTraceThrowable && t.getMessage() != null && t.getMessage().startsWith(NOT_ACTIVE))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03
     * cannot connect now (the server is starting or stopping).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
