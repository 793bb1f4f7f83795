// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.List;

import org.sohosip.core.api.InboundNumber;

/**
 * The inbound numbers (DIDs) on the server of the current session, for administrators: where calls from the
 * telephone network go during and after office hours. Every method blocks while talking to the server: call them
 * off the UI thread.
 *
 * @since 0.1
 */
public interface InboundNumberService {

    /** @return the inbound numbers, by DID */
    List<InboundNumber> inboundNumbers();

    /**
     * @param number the new inbound number ({@code id} is ignored)
     * @return the stored number
     * @throws ApiException with field messages when fields are invalid (400) or the DID is taken (409)
     */
    InboundNumber create(InboundNumber number);

    /**
     * @param id     inbound number id
     * @param number its new fields ({@code id} in it is ignored)
     * @return the stored number
     */
    InboundNumber update(long id, InboundNumber number);

    /** @param id inbound number id */
    void delete(long id);
}
