/**
 * Widgets more than one view uses: the decimated chart series, chart export, digit images and probability bars, and
 * how numbers are written. Nothing here knows about a feature.
 */
package io.digitstudio.ui.widgets;
