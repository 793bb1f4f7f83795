// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.IOException;
import java.time.ZoneId;

import javax.net.ssl.SSLSocketFactory;

import org.sohosip.server.notify.Notification;
import org.sohosip.server.notify.NotificationException;
import org.sohosip.server.notify.Notifier;

/**
 * E-mail over SMTP with the recording attached. Each notice is one short connection: notices are rare, and a
 * kept-open SMTP connection would only be closed by the server's idle timeout.
 */
final class SmtpNotifier implements Notifier {

    private final SmtpSettings settings;
    private final SSLSocketFactory tls;
    private final ZoneId zone;

    SmtpNotifier(SmtpSettings settings, SSLSocketFactory tls, ZoneId zone) {
        this.settings = settings;
        this.tls = tls;
        this.zone = zone;
    }

    @Override
    public String channel() {
        return EMAIL;
    }

    @Override
    public void send(Notification n) throws NotificationException {
        String to = n.recipient().strip();
        // The address goes into the envelope and a header: a line break or bracket there would be an injection.
        if (!to.matches("[^\\s<>()\",;@]+@[^\\s<>()\",;@]+")) {
            throw new NotificationException("'" + n.recipient() + "' is not an e-mail address", false, null);
        }
        try {
            SmtpClient.send(settings, tls, to, new MailMessage(n.withRecipient(to), settings.from(), zone));
        } catch (SmtpException e) {
            throw new NotificationException(e.getMessage(), !e.permanent(), e);
        } catch (IOException e) {
            throw new NotificationException("cannot send the e-mail through " + settings.where() + ": " + e, e);
        }
    }
}
