// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Hands the settings to the server's services as ConfigAdmin configurations, one per service PID. Each receives its
 * own keys plus {@code dataDir}; the services start when their configuration arrives.
 */
final class ConfigPublisher {

    private ConfigPublisher() {
    }

    static void publish(ConfigurationAdmin admin, ServerConfig config) throws IOException {
        // ConfigAdmin hands configurations to services one at a time; the API goes first so that its HTTPS server
        // starts (on its own thread) while the store is still creating or opening the database.
        for (ConfigKey.Pid pid : List.of(ConfigKey.Pid.API, ConfigKey.Pid.STORE, ConfigKey.Pid.PROXY,
                ConfigKey.Pid.GATEWAY)) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("dataDir", config.dataDir().toString());
            for (ConfigKey k : ConfigKey.of(pid)) {
                props.put(k.key(), config.get(k));
            }
            Configuration c = admin.getConfiguration(pid.pid(), "?");
            c.updateIfDifferent(props);
        }
    }
}
