// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/contacts/import/preview}: what an import of the file would do. Nothing is stored.
 *
 * @param format     the format read: {@code vcard} or {@code csv}
 * @param entries    cards or rows found
 * @param newEntries entries that would be added
 * @param duplicates entries that match an existing contact (or an earlier entry) by name and number
 * @param invalid    entries that cannot be imported (see {@code problems})
 * @param problems   every problem, by line
 * @param sample     the first entries as they would be stored (at most 100)
 * @since 0.1
 */
public record ImportPreview(String format, int entries, int newEntries, int duplicates, int invalid,
        List<ImportProblem> problems, List<ContactData> sample) {

    /** Copies the lists. */
    public ImportPreview {
        problems = List.copyOf(problems);
        sample = List.copyOf(sample);
    }
}
