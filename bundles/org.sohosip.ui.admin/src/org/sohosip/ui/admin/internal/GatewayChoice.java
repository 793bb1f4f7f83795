// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.List;

import org.sohosip.core.api.Gateway;

/** The gateways offered in a drop-down, and the names shown for gateway ids in tables. */
final class GatewayChoice {

    private final List<Gateway> gateways;

    GatewayChoice(List<Gateway> gateways) {
        this.gateways = List.copyOf(gateways);
    }

    /** @return the names, in the order of the drop-down */
    String[] names() {
        return gateways.stream().map(Gateway::name).toArray(String[]::new);
    }

    /** @return the drop-down index of the gateway, or -1 */
    int indexOf(long id) {
        for (int i = 0; i < gateways.size(); i++) {
            if (gateways.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** @return the gateway id at a drop-down index, or -1 when nothing is chosen */
    long idAt(int index) {
        return index < 0 || index >= gateways.size() ? -1 : gateways.get(index).id();
    }

    /** @return the gateway's name, or {@code #id} when it is not known (deleted meanwhile) */
    String name(long id) {
        int i = indexOf(id);
        return i < 0 ? "#" + id : gateways.get(i).name();
    }
}
