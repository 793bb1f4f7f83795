// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * AMI {@code Action: Reload} with a {@code Module} (e.g. {@code res_pjsip.so}), which asterisk-java 3.42 does not
 * provide; its action builder sends every bean property as a header.
 */
public final class ReloadModuleAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String module;

    ReloadModuleAction(String module) {
        this.module = module;
    }

    @Override
    public String getAction() {
        return "Reload";
    }

    /** @return the module to reload */
    public String getModule() {
        return module;
    }
}
