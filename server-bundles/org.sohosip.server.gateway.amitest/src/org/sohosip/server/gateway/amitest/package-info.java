// SPDX-License-Identifier: EPL-2.0
/**
 * FOR TESTS ONLY: an Asterisk Manager Interface (AMI) server that speaks the real protocol, written from the
 * Asterisk AMI documentation, so that the gateway controller can be tested without an Asterisk (which is not
 * packaged for the build machines). Never part of a product.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.gateway.amitest;
