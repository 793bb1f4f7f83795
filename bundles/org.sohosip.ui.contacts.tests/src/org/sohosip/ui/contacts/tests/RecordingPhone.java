// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.tests;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.Telephony;

/**
 * The softphone as far as the phonebook sees it: it records what it was asked to dial and reports the calls a test
 * gives it. The SIP side is tested with the softphone itself; here only the hand-over and the names matter.
 */
final class RecordingPhone implements Telephony {

    final List<String> dialled = new CopyOnWriteArrayList<>();
    /** The calls it reports: whatever a test puts here. */
    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public Call dial(String target) {
        dialled.add(target);
        return (Call) Proxy.newProxyInstance(Call.class.getClassLoader(), new Class<?>[] { Call.class },
                (proxy, method, args) -> method.getName().equals("toString") ? "Call[" + target + "]" : null);
    }

    @Override
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Optional<String> audioProblem() {
        return Optional.empty();
    }

    @Override
    public void addListener(CallListener listener) {
    }

    @Override
    public void removeListener(CallListener listener) {
    }
}
