package org.incidentmap.gateway.stream;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A client's connection kept in memory: what was written, and whether it takes more. */
final class RecordingConnection implements StreamConnection {

    final List<Buffer> frames = new ArrayList<>();
    boolean writable = true;
    /** When set, the connection fills up after each frame, as a slow network would. */
    boolean fullAfterEachWrite;
    boolean ended;
    boolean aborted;
    private Runnable whenWritable;

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public void write(Buffer frame) {
        frames.add(frame);
        if (fullAfterEachWrite) {
            writable = false;
        }
    }

    @Override
    public void onWritable(Runnable then) {
        whenWritable = then;
    }

    @Override
    public void end() {
        ended = true;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    /** The client reads what was sent: the connection takes frames again. */
    void drain() {
        writable = true;
        Runnable then = whenWritable;
        whenWritable = null;
        if (then != null) {
            then.run();
        }
    }

    List<Long> seqs() {
        return frames.stream().map(TestEvents::seq).filter(Objects::nonNull).toList();
    }

    List<String> texts() {
        return frames.stream().map(Buffer::toString).toList();
    }
}
