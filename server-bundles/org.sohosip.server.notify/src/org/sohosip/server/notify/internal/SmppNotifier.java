// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.IOException;
import java.time.ZoneId;

import org.eclipse.jdt.annotation.Nullable;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.server.notify.Notification;
import org.sohosip.server.notify.NotificationException;
import org.sohosip.server.notify.Notifier;

/**
 * SMS over SMPP 3.4: binds to the SMSC as a transmitter on first use and keeps that session (with enquire_link
 * keep-alives) for the next notices; a session that broke is closed and the next send binds again.
 */
final class SmppNotifier implements Notifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppNotifier.class);
    private static final int ENQUIRE_LINK_MILLIS = 30_000;
    private static final long TIMEOUT_MILLIS = 15_000;
    /** SMPP command_status values that no retry can cure: invalid source or destination address. */
    private static final int ESME_RINVSRCADR = 0x0A;
    private static final int ESME_RINVDSTADR = 0x0B;

    private final SmppSettings settings;
    private final ZoneId zone;
    private @Nullable SMPPSession session;
    private boolean closed;

    SmppNotifier(SmppSettings settings, ZoneId zone) {
        this.settings = settings;
        this.zone = zone;
    }

    @Override
    public String channel() {
        return SMS;
    }

    @Override
    public synchronized void send(Notification n) throws NotificationException {
        if (closed) {
            throw new NotificationException("the SMS channel was stopped", false, null);
        }
        SmsText.Address to = SmsText.Address.of(n.recipient());
        if (to.value().isEmpty() || to.ton() == TypeOfNumber.ALPHANUMERIC) {
            throw new NotificationException("'" + n.recipient() + "' is not a phone number", false, null);
        }
        SmsText.Address from = SmsText.Address.of(settings.sourceAddress());
        SmsText text = SmsText.of(n.text(zone));
        SMPPSession s = bound();
        try {
            String id = s.submitShortMessage("", from.ton(), from.npi(), from.value(), to.ton(), to.npi(),
                    to.value(), new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, text.coding(), (byte) 0,
                    text.bytes()).getMessageId();
            LOG.debug("SMSC {} accepted the SMS as message {}", settings.where(), id);
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            throw new NotificationException("SMSC " + settings.where() + " refused the SMS to " + n.recipient()
                    + " (command status 0x" + Integer.toHexString(status) + ")",
                    status != ESME_RINVSRCADR && status != ESME_RINVDSTADR, null);
        } catch (ResponseTimeoutException | InvalidResponseException | PDUException | IOException e) {
            drop();
            throw new NotificationException("SMSC " + settings.where() + " did not take the SMS: "
                    + settings.scrub(e.toString()), null);
        }
    }

    /** @return the open session, binding a new one first when there is none or it broke */
    private SMPPSession bound() throws NotificationException {
        SMPPSession s = session;
        if (s != null && s.getSessionState() == SessionState.BOUND_TX) {
            return s;
        }
        drop();
        settings.check();
        SMPPSession fresh = new SMPPSession();
        fresh.setEnquireLinkTimer(ENQUIRE_LINK_MILLIS);
        fresh.setTransactionTimer(TIMEOUT_MILLIS);
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TX,
                    settings.systemId(), settings.password(), "", TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), TIMEOUT_MILLIS);
        } catch (IOException e) {
            fresh.unbindAndClose();
            // jSMPP's messages name the failure (refused connection, negative bind response); scrubbed all the
            // same, and the exception itself is not passed on, as some jSMPP messages quote the fields they check.
            throw new NotificationException("cannot bind to SMSC " + settings.where() + " as '"
                    + settings.systemId() + "': " + settings.scrub(String.valueOf(e.getMessage())), null);
        }
        LOG.info("Bound to SMSC {} as transmitter '{}'", settings.where(), settings.systemId());
        session = fresh;
        return fresh;
    }

    private void drop() {
        SMPPSession s = session;
        session = null;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }
}
