/**
 * Sweeps: many ordinary runs of the history that differ only in a few swept values. {@link io.digitstudio.runs.sweep.Axis}
 * parses what is swept (a list, or a range to sample), {@link io.digitstudio.runs.sweep.Sweep} plans the points and
 * keeps the plan in the history's {@code sweeps/} folder, {@link io.digitstudio.runs.sweep.SweepRunner} trains each point
 * as its own process ({@code train --settings}), several at once, and {@link io.digitstudio.runs.sweep.SweepResult}
 * reads the runs back: a table, a CSV, a chart ({@link io.digitstudio.runs.sweep.SweepChart}).
 */
package io.digitstudio.runs.sweep;
