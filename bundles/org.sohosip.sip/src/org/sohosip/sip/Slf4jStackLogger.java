// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Properties;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.core.StackLogger;

/**
 * Routes the JAIN-SIP stack's own logging to SLF4J, so the stack never needs log4j 1.x. Name this class in the
 * stack property {@value #PROPERTY} ({@link #configure(Properties)} does it); the stack creates it by reflection.
 *
 * @since 0.1
 */
public final class Slf4jStackLogger implements StackLogger {

    /** The JAIN-SIP stack property that names the logger class. */
    public static final String PROPERTY = "gov.nist.javax.sip.STACK_LOGGER";

    private static final Logger LOG = LoggerFactory.getLogger("org.sohosip.sip.stack");
    private static final java.util.regex.Pattern TLS_NOISE = java.util.regex.Pattern
            .compile("(?i)\\btls\\b|keystore|truststore");

    private volatile boolean enabled = true;

    /**
     * Puts this logger into a set of stack properties.
     *
     * @param stackProperties properties for {@code SipFactory.createSipStack}
     * @return the same properties
     */
    public static Properties configure(Properties stackProperties) {
        stackProperties.setProperty(PROPERTY, Slf4jStackLogger.class.getName());
        return stackProperties;
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.debug("stack trace", new Exception("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(@Nullable Throwable ex) {
        if (enabled) {
            LOG.warn("SIP stack exception", ex);
        }
    }

    @Override
    public void logDebug(@Nullable String message) {
        if (enabled) {
            LOG.debug("{}", message);
        }
    }

    @Override
    public void logDebug(@Nullable String message, @Nullable Exception ex) {
        if (enabled) {
            LOG.debug(message, ex);
        }
    }

    @Override
    public void logTrace(@Nullable String message) {
        if (enabled) {
            LOG.trace("{}", message);
        }
    }

    @Override
    public void logFatalError(@Nullable String message) {
        LOG.error("{}", message);
    }

    @Override
    public void logError(@Nullable String message) {
        LOG.error("{}", message);
    }

    @Override
    public void logError(@Nullable String message, @Nullable Exception ex) {
        LOG.error(message, ex);
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (!enabled) {
            return false;
        }
        // The stack builds expensive strings behind these checks: answer from SLF4J's own levels.
        if (logLevel >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        }
        if (logLevel >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        if (logLevel >= TRACE_INFO) {
            return LOG.isInfoEnabled();
        }
        if (logLevel >= TRACE_WARN) {
            return LOG.isWarnEnabled();
        }
        return LOG.isErrorEnabled();
    }

    @Override
    public void logWarning(@Nullable String message) {
        if (!enabled) {
            return;
        }
        // Every new stack warns that its TLS settings are defaults; no SOHOSIP stack listens on TLS, so these
        // would only fill the log.
        if (message != null && TLS_NOISE.matcher(message).find()) {
            LOG.debug("{}", message);
        } else {
            LOG.warn("{}", message);
        }
    }

    @Override
    public void logInfo(@Nullable String message) {
        if (enabled) {
            LOG.info("{}", message);
        }
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(@Nullable String buildTimeStamp) {
        // nothing to keep
    }

    @Override
    public void setStackProperties(@Nullable Properties stackProperties) {
        // levels come from the SLF4J configuration, not from stack properties
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
