// SPDX-License-Identifier: EPL-2.0
/**
 * The headless SOHOSIP server application: command line, configuration file, logging, start-up order and shutdown.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.app.internal;
