// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.server.proxy.CallApplication;

/**
 * The call applications registered as services, as the router needs them: by number, and the voicemail one. Applications come and go rarely while lookups happen on every call, so
 * the list is copied on write and read without locks.
 */
final class Applications {

    private final List<CallApplication> all = new CopyOnWriteArrayList<>();

    void add(CallApplication application) {
        all.add(application);
    }

    void remove(CallApplication application) {
        all.remove(application);
    }

    /** @return the application answering this dialled number, if any */
    @Nullable
    CallApplication byNumber(String dialled) {
        for (CallApplication a : all) {
            if (a.numbers().contains(dialled)) {
                return a;
            }
        }
        return null;
    }

    /** @return the voicemail application, if one runs */
    @Nullable
    CallApplication voicemail() {
        for (CallApplication a : all) {
            if (a.voicemail()) {
                return a;
            }
        }
        return null;
    }
}
