// SPDX-License-Identifier: EPL-2.0
/**
 * The SMS (SMPP) and e-mail (SMTP) channels, their configuration, and the dispatcher that sends every new voicemail
 * to the channels its owner chose, retrying failures with backoff.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.notify.internal;
