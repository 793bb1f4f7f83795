// SPDX-License-Identifier: EPL-2.0
/**
 * The Contacts perspective: the personal phonebook, its editor, import and export, and the company directory.
 * Parts talk only to client services ({@code ContactService}, {@code DirectoryService}, {@code Telephony}).
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.contacts.internal;
