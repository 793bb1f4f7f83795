// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal.exchange;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ImportProblem;

/**
 * One card or row read from a file.
 *
 * @param line     the line where it starts
 * @param contact  what it holds, or {@code null} when it cannot be imported
 * @param problems what was wrong in it (lines ignored, or why it is left out)
 */
public record Entry(int line, @Nullable ContactData contact, List<ImportProblem> problems) {

    /** Copies the list. */
    public Entry {
        problems = List.copyOf(problems);
    }
}
