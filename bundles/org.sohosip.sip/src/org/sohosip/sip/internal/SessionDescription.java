// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.sip.MediaDirection;

/**
 * The parts of an SDP body (RFC 4566) that audio offer/answer needs. Parsed leniently: unknown lines are skipped,
 * but a body without a usable connection address or m-line is refused with {@link IllegalArgumentException}.
 *
 * @param media the m-lines in order
 */
record SessionDescription(List<Media> media) {

    /**
     * One m-line with its attributes, session-level {@code c=} and direction already applied.
     *
     * @param type       {@code audio}, {@code video}, ...
     * @param port       port (0 = refused stream)
     * @param proto      e.g. {@code RTP/AVP}
     * @param formats    the format list in the sender's order
     * @param address    connection address
     * @param rtpmap     payload type → encoding name/clock rate (e.g. {@code telephone-event/8000})
     * @param direction  the direction attribute
     * @param ptime      packet time in ms, 0 when absent
     */
    record Media(String type, int port, String proto, List<String> formats, String address,
            Map<Integer, String> rtpmap, MediaDirection direction, int ptime) {

        /** @return whether the sender asks not to receive: sendonly, inactive or the RFC 2543 address 0.0.0.0 */
        boolean isHold() {
            return !direction.receives() || "0.0.0.0".equals(address);
        }

        /** @return the payload type the sender uses for {@code telephone-event/8000}, or -1 */
        int telephoneEvent() {
            for (Map.Entry<Integer, String> e : rtpmap.entrySet()) {
                if (e.getValue().toLowerCase(Locale.ROOT).startsWith("telephone-event/8000")
                        && formats.contains(String.valueOf(e.getKey()))) {
                    return e.getKey();
                }
            }
            return -1;
        }

        /** @return the encoding name for a payload type, or {@code null} when only the static number is known */
        @Nullable
        String encoding(int pt) {
            String m = rtpmap.get(pt);
            if (m == null) {
                return null;
            }
            int slash = m.indexOf('/');
            return slash < 0 ? m : m.substring(0, slash);
        }
    }

    /**
     * @param body the SDP text
     * @return the parsed description
     * @throws IllegalArgumentException when it is not usable SDP
     */
    static SessionDescription parse(String body) {
        String sessionAddress = null;
        MediaDirection sessionDir = MediaDirection.SENDRECV;
        List<MediaBuilder> media = new ArrayList<>();
        MediaBuilder cur = null;
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char k = line.charAt(0);
            String v = line.substring(2).strip();
            switch (k) {
                case 'c' -> {
                    String[] f = v.split("\\s+");
                    if (f.length < 3) {
                        throw new IllegalArgumentException("bad c= line: " + v);
                    }
                    String addr = f[2].contains("/") ? f[2].substring(0, f[2].indexOf('/')) : f[2];
                    if (cur == null) {
                        sessionAddress = addr;
                    } else {
                        cur.address = addr;
                    }
                }
                case 'm' -> {
                    String[] f = v.split("\\s+");
                    if (f.length < 3) {
                        throw new IllegalArgumentException("bad m= line: " + v);
                    }
                    cur = new MediaBuilder();
                    cur.type = f[0];
                    String port = f[1].contains("/") ? f[1].substring(0, f[1].indexOf('/')) : f[1];
                    cur.port = Integer.parseInt(port);
                    if (cur.port < 0 || cur.port > 65535) {
                        throw new IllegalArgumentException("bad port in m= line: " + v);
                    }
                    cur.proto = f[2];
                    for (int i = 3; i < f.length; i++) {
                        cur.formats.add(f[i]);
                    }
                    media.add(cur);
                }
                case 'a' -> {
                    MediaDirection d = direction(v);
                    if (d != null) {
                        if (cur == null) {
                            sessionDir = d;
                        } else {
                            cur.direction = d;
                        }
                    } else if (cur != null && v.startsWith("rtpmap:")) {
                        String[] f = v.substring(7).split("\\s+", 2);
                        if (f.length == 2) {
                            cur.rtpmap.put(Integer.parseInt(f[0]), f[1].strip());
                        }
                    } else if (cur != null && v.startsWith("ptime:")) {
                        cur.ptime = Integer.parseInt(v.substring(6).strip());
                    }
                }
                default -> {
                    // other lines carry nothing offer/answer needs here
                }
            }
        }
        if (media.isEmpty()) {
            throw new IllegalArgumentException("SDP has no m= line");
        }
        List<Media> out = new ArrayList<>();
        for (MediaBuilder b : media) {
            String addr = b.address != null ? b.address : sessionAddress;
            if (addr == null) {
                throw new IllegalArgumentException("SDP has no connection address for " + b.type);
            }
            out.add(new Media(b.type, b.port, b.proto, List.copyOf(b.formats), addr, Map.copyOf(b.rtpmap),
                    b.direction != null ? b.direction : sessionDir, b.ptime));
        }
        return new SessionDescription(List.copyOf(out));
    }

    @Nullable
    private static MediaDirection direction(String attribute) {
        for (MediaDirection d : MediaDirection.values()) {
            if (d.attribute().equals(attribute)) {
                return d;
            }
        }
        return null;
    }

    private static final class MediaBuilder {
        String type = "";
        int port;
        String proto = "";
        final List<String> formats = new ArrayList<>();
        @Nullable
        String address;
        final Map<Integer, String> rtpmap = new HashMap<>();
        @Nullable
        MediaDirection direction;
        int ptime;
    }
}
