// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Something wrong at one line of an imported file.
 *
 * @param line        the 1-based line number in the file
 * @param message     what is wrong there
 * @param skipsEntry  {@code true} when the whole card or row is left out; {@code false} when only that line is
 *                    ignored and the rest of the entry is imported
 * @since 0.1
 */
public record ImportProblem(int line, String message, boolean skipsEntry) {
}
