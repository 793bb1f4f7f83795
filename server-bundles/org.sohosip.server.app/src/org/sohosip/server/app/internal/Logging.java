// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.nio.file.Path;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;

/** Sends the server log to the console and to a rolling file in the data directory. */
final class Logging {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    private Logging() {
    }

    /** @return the log file, or a message on standard error when logging is not bound to Logback */
    static Path configure(Path dataDir, ServerConfig config) {
        Path file = dataDir.resolve("logs").resolve("server.log");
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext ctx)) {
            System.err.println("Logging is not bound to Logback (" + factory.getClass().getName()
                    + "); log messages go nowhere. Check that the SPI Fly bundle is started.");
            return file;
        }
        ctx.reset();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setEncoder(encoder(ctx));
        console.start();

        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setContext(ctx);
        rolling.setName("file");
        rolling.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(rolling);
        policy.setFileNamePattern(dataDir.resolve("logs").resolve("server.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf(config.get(ConfigKey.LOG_MAX_FILE_SIZE)));
        policy.setMaxHistory(config.getInt(ConfigKey.LOG_MAX_HISTORY));
        policy.start();
        rolling.setRollingPolicy(policy);
        rolling.setEncoder(encoder(ctx));
        rolling.start();

        Logger rootLogger = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLogger.setLevel(Level.toLevel(config.get(ConfigKey.LOG_LEVEL), Level.INFO));
        rootLogger.addAppender(console);
        rootLogger.addAppender(rolling);
        // Jetty and EclipseLink are chatty at INFO; their warnings still come through.
        ctx.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        // Flyway warns at every start that Derby 10.16 is newer than the Derby it was verified with (10.15).
        ctx.getLogger("org.flywaydb.core.internal.database.base").setLevel(Level.ERROR);
        // The SIP stack traces every message at INFO and warns at every start that it has no TLS keystore (the
        // proxy uses no TLS): only its errors, unless the whole log is at DEBUG or TRACE for a diagnosis.
        Level root = Level.toLevel(config.get(ConfigKey.LOG_LEVEL), Level.INFO);
        ctx.getLogger("org.sohosip.sip.stack").setLevel(root.isGreaterOrEqual(Level.INFO) ? Level.ERROR : root);
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext ctx) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern(PATTERN);
        e.start();
        return e;
    }
}
