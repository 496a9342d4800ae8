package org.incidentmap.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures are the database being away (503) rather than a fault of the service (500). */
class DatabaseOutageTest {

    @Test
    void adminAndCrashShutdownAndConnectionClassStatesAreOutages() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08001"}) {
            assertThat(DatabaseOutage.causedBy(new CompletionException(pg(state)))).as(state).isTrue();
            assertThat(DatabaseOutage.causedBy(new SQLException("x", state))).as(state).isTrue();
        }
    }

    @Test
    void constraintAndSyntaxErrorsAreNot() {
        assertThat(DatabaseOutage.causedBy(pg("23505"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("x", "42601"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void refusedOrClosedConnectionsAndPoolTimeoutsAreOutages() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.causedBy(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(DatabaseOutage.causedBy(new VertxException("Timeout waiting for connection", true))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException()))).isTrue();
    }

    @Test
    void aTransactionWhoseConnectionClosedUnderItAndWhoseRollbackFailedIsAnOutage() {
        Throwable closed = new NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
        assertThat(DatabaseOutage.causedBy(new CompositeException(new RuntimeException(closed), closed))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CompositeException(new IllegalStateException("bug"),
                new IllegalArgumentException("another")))).isFalse();
    }

    @Test
    void aRestClientThatCannotConnectIsAnotherServiceNotTheDatabase() {
        assertThat(DatabaseOutage.causedBy(new ProcessingException(new ConnectException("Connection refused")))).isFalse();
    }

    private static PgException pg(String state) {
        return new PgException("terminating connection", "FATAL", state, null);
    }
}
