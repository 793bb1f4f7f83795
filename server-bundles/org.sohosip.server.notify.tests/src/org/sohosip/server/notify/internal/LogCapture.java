// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Records every log event of the framework at TRACE while open (message, arguments, exceptions with their causes),
 * so tests can wait for a log line and check what never appears in the log.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One recorded event. */
    record Event(Level level, String logger, String text) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous;

    LogCapture() {
        previous = root.getLevel();
        setContext(root.getLoggerContext());
        setName("capture");
        start();
        root.addAppender(this);
        root.setLevel(Level.TRACE);
    }

    @Override
    protected void append(ILoggingEvent e) {
        StringBuilder text = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append("\n").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                text.append("\n\t").append(s.getSTEAsString());
            }
        }
        events.add(new Event(e.getLevel(), e.getLoggerName(), text.toString()));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    boolean has(Level level, String fragment) {
        return events.stream().anyMatch(e -> e.level() == level && e.text().contains(fragment));
    }

    /** @return the whole log, one event a line */
    String all() {
        StringBuilder b = new StringBuilder();
        events.forEach(e -> b.append(e.level()).append(' ').append(e.logger()).append(" - ").append(e.text())
                .append('\n'));
        return b.toString();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(previous);
        stop();
    }
}
