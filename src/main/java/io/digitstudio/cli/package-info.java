/**
 * The command line (picocli), the same engine as the desktop app with no JavaFX at all: {@code train}, {@code eval},
 * {@code predict}, {@code summary}, {@code inspect}, {@code runs}, {@code mydigits} and {@code bench}, under
 * {@link io.digitstudio.cli.Cli}. Errors are one line on stderr; exit code 2 for bad input or usage, 1 otherwise.
 */
package io.digitstudio.cli;
