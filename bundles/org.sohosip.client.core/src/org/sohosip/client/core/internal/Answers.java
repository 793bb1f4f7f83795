// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.ClientException;

/**
 * Checks answers of {@link org.sohosip.client.core.ApiClient#request}: a success without a body where one is due
 * means the server does not speak this client's version of the API.
 */
final class Answers {

    private Answers() {
    }

    static <T> T required(@Nullable T answer) {
        if (answer == null) {
            throw new ClientException("The server sent an empty answer. Client and server versions may not match.");
        }
        return answer;
    }

    static <T> List<T> list(@Nullable List<T> answer) {
        return List.copyOf(required(answer));
    }
}
