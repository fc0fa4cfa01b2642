/** The Runs view: the run history as a table, the selected runs' curves overlaid, their settings compared, and each run's actions. */
package io.digitstudio.ui.runs;
