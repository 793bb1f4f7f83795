// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.sip.AudioCodec;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.MediaDirection;
import org.sohosip.sip.NegotiatedMedia;

/**
 * SDP offer/answer for one audio stream (RFC 3264): writes offers and answers and reads what was agreed. Keeps
 * the origin line's session id and version for one dialog (the version grows with every new description).
 */
final class OfferAnswer {

    /** The payload type offered for telephone-event; the peer may answer with another. */
    static final int OFFERED_TELEPHONE_EVENT = 101;
    static final int PTIME = 20;

    private final String user;
    private final long sessionId;
    private long version;

    /**
     * @param user      the o= user name
     * @param sessionId the o= session id
     */
    OfferAnswer(String user, long sessionId) {
        this.user = user.isEmpty() || user.contains(" ") ? "-" : user;
        this.sessionId = sessionId;
        this.version = sessionId;
    }

    /** Outcome of answering an offer. */
    record Answer(String sdp, NegotiatedMedia media, boolean remoteHold) {
    }

    /**
     * @param local     where we receive
     * @param direction our direction
     * @return an offer of PCMU, PCMA and telephone-event
     */
    String offer(LocalMedia local, MediaDirection direction) {
        return head(local) + "m=audio " + local.rtpPort() + " RTP/AVP 0 8 " + OFFERED_TELEPHONE_EVENT + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n" + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:" + OFFERED_TELEPHONE_EVENT + " telephone-event/8000\r\n"
                + "a=fmtp:" + OFFERED_TELEPHONE_EVENT + " 0-16\r\n"
                + "a=ptime:" + PTIME + "\r\n" + "a=" + direction.attribute() + "\r\n";
    }

    /**
     * Answers the first audio stream of an offer with the first codec of the offerer's list we support; other
     * streams are refused with port 0.
     *
     * @param offer  the offer
     * @param local  where we receive
     * @param wanted the direction we would like (sendrecv, or sendonly while we hold)
     * @return the answer, or empty when no audio stream has a common codec (488)
     */
    Optional<Answer> answer(SessionDescription offer, LocalMedia local, MediaDirection wanted) {
        StringBuilder sdp = new StringBuilder(head(local));
        NegotiatedMedia agreed = null;
        boolean remoteHold = false;
        for (SessionDescription.Media m : offer.media()) {
            AudioCodec codec = agreed == null && "audio".equals(m.type()) && m.port() > 0 ? firstCommon(m) : null;
            if (codec == null) {
                sdp.append("m=").append(m.type()).append(" 0 ").append(m.proto()).append(' ')
                        .append(m.formats().isEmpty() ? "0" : m.formats().get(0)).append("\r\n");
                continue;
            }
            MediaDirection ours = combine(wanted, m.isHold() ? MediaDirection.SENDONLY : m.direction());
            int te = m.telephoneEvent();
            sdp.append("m=audio ").append(local.rtpPort()).append(' ').append(m.proto()).append(' ')
                    .append(codec.payloadType()).append(te >= 0 ? " " + te : "").append("\r\n")
                    .append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.name())
                    .append("/8000\r\n");
            if (te >= 0) {
                sdp.append("a=rtpmap:").append(te).append(" telephone-event/8000\r\n").append("a=fmtp:").append(te)
                        .append(" 0-16\r\n");
            }
            sdp.append("a=ptime:").append(PTIME).append("\r\n").append("a=").append(ours.attribute()).append("\r\n");
            remoteHold = m.isHold();
            agreed = new NegotiatedMedia(m.address(), m.port(), codec, te, ours, m.ptime() > 0 ? m.ptime() : PTIME);
        }
        return agreed == null ? Optional.empty() : Optional.of(new Answer(sdp.toString(), agreed, remoteHold));
    }

    /**
     * Reads the answer to our offer.
     *
     * @param answer  the answer
     * @param offered the direction we offered
     * @return what was agreed, or empty when the answer has no usable audio stream
     */
    static Optional<NegotiatedMedia> read(SessionDescription answer, MediaDirection offered) {
        for (SessionDescription.Media m : answer.media()) {
            if (!"audio".equals(m.type()) || m.port() == 0) {
                continue;
            }
            AudioCodec codec = firstCommon(m);
            if (codec != null) {
                MediaDirection ours = combine(offered, m.isHold() ? MediaDirection.SENDONLY : m.direction());
                return Optional.of(new NegotiatedMedia(m.address(), m.port(), codec, m.telephoneEvent(), ours,
                        m.ptime() > 0 ? m.ptime() : PTIME));
            }
        }
        return Optional.empty();
    }

    /**
     * @param wanted our wish
     * @param theirs the other side's direction (from its point of view)
     * @return our direction: we send only if we want to and they receive, and likewise for receiving
     */
    static MediaDirection combine(MediaDirection wanted, MediaDirection theirs) {
        boolean send = wanted.sends() && theirs.receives();
        boolean recv = wanted.receives() && theirs.sends();
        return send && recv ? MediaDirection.SENDRECV
                : send ? MediaDirection.SENDONLY : recv ? MediaDirection.RECVONLY : MediaDirection.INACTIVE;
    }

    @Nullable
    private static AudioCodec firstCommon(SessionDescription.Media m) {
        for (String f : m.formats()) {
            try {
                int pt = Integer.parseInt(f);
                Optional<AudioCodec> c = AudioCodec.of(pt, m.encoding(pt));
                if (c.isPresent()) {
                    return c.get();
                }
            } catch (NumberFormatException e) {
                // not an RTP payload type: skip it
            }
        }
        return null;
    }

    private String head(LocalMedia local) {
        String ipv = local.address().contains(":") ? "IP6" : "IP4";
        return "v=0\r\n" + "o=" + user + " " + sessionId + " " + (version++) + " IN " + ipv + " " + local.address()
                + "\r\n" + "s=SOHOSIP\r\n" + "c=IN " + ipv + " " + local.address() + "\r\n" + "t=0 0\r\n";
    }

    /** @return codecs in the order we offer them */
    static List<AudioCodec> offered() {
        return List.of(AudioCodec.PCMU, AudioCodec.PCMA);
    }
}
