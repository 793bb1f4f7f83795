// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The server's command line.
 *
 * @param help      {@code --help}: print the usage and exit
 * @param dataDir   {@code --data DIR}: where the database, certificate, logs and configuration live
 * @param config    {@code --config FILE}: the configuration file (default {@code DIR/sohosip.conf})
 * @param overrides {@code --set key=value}: settings that win over the file
 * @param demo      {@code --demo}: create two demo accounts (extensions 3301 and 3302) if they do not exist
 */
public record CommandLine(boolean help, Path dataDir, Path config, Map<String, String> overrides, boolean demo) {

    /** Printed for {@code --help} and after a wrong argument. */
    public static final String USAGE = """
            Usage: sohosip-server [--data DIR] [--config FILE] [--set KEY=VALUE]... [--demo] [--help]

            Runs the SOHOSIP server: SIP registrar and proxy, voicemail, gateway control and the HTTPS API.

              --data DIR         data directory: database, certificate, logs, configuration
                                 (default: ~/.sohosip/server)
              --config FILE      configuration file (default: DIR/sohosip.conf, created with every
                                 default on first start; keys in docs/configuration.md)
              --set KEY=VALUE    override one setting for this run, e.g. --set api.port=9443
              --demo             create the demo accounts 'alice' (3301) and 'bob' (3302) when missing
                                 and print their passwords
              --help             show this text

            Stop the server with Ctrl-C or SIGTERM; it shuts down cleanly.
            """;

    /** @throws IllegalArgumentException with a message for people when an argument is wrong */
    public static CommandLine parse(List<String> args, Path home) {
        boolean help = false;
        boolean demo = false;
        @Nullable Path data = null;
        @Nullable Path config = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
            case "--help", "-h", "-help" -> help = true;
            case "--demo" -> demo = true;
            case "--data" -> data = Path.of(value(args, ++i, a));
            case "--config" -> config = Path.of(value(args, ++i, a));
            case "--set" -> {
                String kv = value(args, ++i, a);
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--set needs KEY=VALUE, not '" + kv + "'.");
                }
                overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            default -> throw new IllegalArgumentException("Unknown argument '" + a + "'.");
            }
        }
        Path dir = (data != null ? data : home.resolve(".sohosip").resolve("server")).toAbsolutePath().normalize();
        return new CommandLine(help, dir, config != null ? config.toAbsolutePath() : dir.resolve("sohosip.conf"),
                Map.copyOf(overrides), demo);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args.get(i);
    }
}
