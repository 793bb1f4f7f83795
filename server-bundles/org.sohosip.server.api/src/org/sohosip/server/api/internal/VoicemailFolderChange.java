// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Body of {@code PATCH /api/v1/me/voicemail/{id}}: the folder to move a message to, as text so that a wrong name gets
 * a message naming the folders rather than a JSON error.
 *
 * @param folder {@code NEW} (unheard), {@code OLD} (heard) or {@code SAVED}
 */
public record VoicemailFolderChange(@Nullable String folder) {
}
