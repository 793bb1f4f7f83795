// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.core.api.ContactData;

/**
 * An offline change that the server did not accept because the contact had changed there too.
 *
 * @param id     the contact's id
 * @param mine   the offline change ({@code null} when it was a delete)
 * @param theirs the contact as the server has it now ({@code null} when it was deleted there)
 * @param madeAt when the offline change was made
 * @since 0.1
 */
public record SyncConflict(long id, @Nullable ContactData mine, @Nullable Contact theirs, Instant madeAt) {
}
