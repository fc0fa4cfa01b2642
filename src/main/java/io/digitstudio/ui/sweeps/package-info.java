/**
 * The Sweeps view: fields for what to sweep, Start/Stop/Resume, each run's progress, the table of runs sorted by best
 * validation accuracy, the scatter of accuracy against each swept value, and the CSV export. {@code SweepsViewModel}
 * holds the state and runs the sweep through the TaskExecutor; {@code SweepsView} only shows it.
 */
package io.digitstudio.ui.sweeps;
