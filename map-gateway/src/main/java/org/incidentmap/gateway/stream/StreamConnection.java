package org.incidentmap.gateway.stream;

import io.vertx.core.buffer.Buffer;

/** The client's end of one stream, as the fan-out sees it. Every call is made on the connection's event loop. */
interface StreamConnection {

    /** Whether the connection takes another frame without piling it up in memory. */
    boolean writable();

    void write(Buffer frame);

    /** Runs {@code then} once, when the connection is writable again. */
    void onWritable(Runnable then);

    /** Ends the stream after its last frame. */
    void end();

    /** Drops the connection at once, with whatever it has not sent yet. */
    void abort();
}
