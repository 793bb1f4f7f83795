// SPDX-License-Identifier: EPL-2.0
/**
 * Phonebook exchange formats: vCard 2.1/3.0/4.0 (with ez-vcard) and CSV (own columns, Google and Outlook exports),
 * read into {@link org.sohosip.core.api.ContactData} entries with their line numbers, and written from contacts.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.api.internal.exchange;
