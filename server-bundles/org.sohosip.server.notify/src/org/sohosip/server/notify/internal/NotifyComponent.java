// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.server.notify.Notifier;

/**
 * Offers the SMS and e-mail channels as {@link Notifier} services when they are configured: an empty
 * {@code notify.smpp.host} or {@code notify.smtp.host} leaves that channel out, so mailboxes that ask for it get a
 * warning in the log instead of endless retries. Nothing connects until the first notice.
 */
@Component(configurationPid = NotifyComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class NotifyComponent {

    /** The configuration PID. */
    public static final String PID = "org.sohosip.server.notify";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyComponent.class);

    private final List<ServiceRegistration<Notifier>> registrations = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @Activate
    void activate(BundleContext context, NotifyConfig config) {
        ZoneId zone = ZoneId.systemDefault();
        String smppHost = config.notify_smpp_host().strip();
        if (smppHost.isEmpty()) {
            LOG.info("SMS notices are off (notify.smpp.host is empty)");
        } else {
            SmppSettings s = new SmppSettings(smppHost, config.notify_smpp_port(), config.notify_smpp_systemId(),
                    config.notify_smpp_password(), config.notify_smpp_sourceAddress().strip());
            SmppNotifier sms = new SmppNotifier(s, zone);
            closeables.add(sms);
            register(context, sms);
            LOG.info("SMS notices go through SMSC {} as '{}'", s.where(), s.systemId());
        }
        String smtpHost = config.notify_smtp_host().strip();
        String from = config.notify_smtp_from().strip();
        if (smtpHost.isEmpty()) {
            LOG.info("E-mail notices are off (notify.smtp.host is empty)");
        } else if (!from.matches("[^\\s<>()\",;@]+@[^\\s<>()\",;@]+")) {
            LOG.error("E-mail notices are off: notify.smtp.from must be the sender's e-mail address, not '{}'",
                    from);
        } else {
            SmtpSettings s = new SmtpSettings(smtpHost, config.notify_smtp_port(), from,
                    config.notify_smtp_username().strip(), config.notify_smtp_password(),
                    config.notify_smtp_starttls());
            register(context, new SmtpNotifier(s, (SSLSocketFactory) SSLSocketFactory.getDefault(), zone));
            LOG.info("E-mail notices go through mail server {} from {}", s.where(), from);
        }
    }

    private void register(BundleContext context, Notifier notifier) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("channel", notifier.channel());
        registrations.add(context.registerService(Notifier.class, notifier, props));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<Notifier> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        registrations.clear();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("Closing a notification channel failed", e);
            }
        }
        closeables.clear();
    }
}
