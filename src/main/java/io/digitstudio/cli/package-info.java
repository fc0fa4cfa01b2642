/**
 * The command line (picocli): {@code train}, {@code eval}, {@code predict} and {@code bench}, the same engine as the
 * desktop app with no JavaFX at all. Errors are one line on stderr; exit code 2 for bad input or usage, 1 otherwise.
 */
package io.digitstudio.cli;
