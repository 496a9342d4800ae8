package org.incidentmap.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The error-level log records the application in this JVM writes while it is open. */
public final class ErrorLog extends Handler implements AutoCloseable {

    private final List<String> records = new ArrayList<>();

    private ErrorLog() {
    }

    public static ErrorLog capture() {
        ErrorLog log = new ErrorLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            records.add(record.getLoggerName() + ": " + record.getMessage());
        }
    }

    public synchronized List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
