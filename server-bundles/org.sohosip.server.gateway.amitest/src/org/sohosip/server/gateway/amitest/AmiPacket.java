// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.amitest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One AMI packet: {@code Key: Value} lines ended by CRLF, the packet ended by an empty line. Keys compare without
 * regard to case, as Asterisk does; the order is kept for writing.
 *
 * @since 0.1
 */
public final class AmiPacket {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    /** @return a packet with the fields in pairs: key, value, key, value ... */
    public static AmiPacket of(String... keysAndValues) {
        AmiPacket p = new AmiPacket();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            p.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    /** Adds or replaces a field. @return this packet */
    public AmiPacket put(String key, String value) {
        fields.put(key.toLowerCase(Locale.ROOT), value);
        names.put(key.toLowerCase(Locale.ROOT), key);
        return this;
    }

    /** @return the value of a field, or {@code null} */
    public @Nullable String get(String key) {
        return fields.get(key.toLowerCase(Locale.ROOT));
    }

    /** @return every field by its key as written */
    public Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(names.get(k), v));
        return out;
    }

    /** @return the packet as it goes on the wire */
    public String encode() {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(names.get(k)).append(": ").append(v).append("\r\n"));
        return b.append("\r\n").toString();
    }

    /** @return the next packet, or {@code null} at the end of the stream */
    static @Nullable AmiPacket read(BufferedReader in) throws IOException {
        AmiPacket p = new AmiPacket();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (!p.fields.isEmpty()) {
                    return p;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                p.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return fields().toString();
    }
}
