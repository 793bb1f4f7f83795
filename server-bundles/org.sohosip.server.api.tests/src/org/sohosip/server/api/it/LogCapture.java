// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

/** Keeps every log event of the run, to check what the server said and that it never said a secret. */
final class LogCapture {

    private static final ListAppender<ILoggingEvent> APPENDER = new ListAppender<>();
    /** Passwords and tokens the tests sent or received. */
    static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private LogCapture() {
    }

    static synchronized void install() {
        if (!APPENDER.isStarted()) {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            APPENDER.setContext(root.getLoggerContext());
            APPENDER.start();
            root.addAppender(APPENDER);
        }
    }

    static List<ILoggingEvent> events() {
        synchronized (APPENDER) {
            return List.copyOf(APPENDER.list);
        }
    }

    static void assertNoSecrets() {
        Collection<String> secrets = List.copyOf(SECRETS);
        for (ILoggingEvent event : events()) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getMessage());
            }
            for (String secret : secrets) {
                assertFalse(text.toString().contains(secret), "a log line carries a secret: " + event);
            }
        }
    }
}
