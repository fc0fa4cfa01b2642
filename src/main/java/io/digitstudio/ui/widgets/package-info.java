/**
 * Widgets more than one view uses: the live chart ({@link io.digitstudio.ui.widgets.LiveChart} over its own
 * rasterizer), the decimated chart series, chart export, digit images and probability bars, key names, and how numbers
 * are written. Nothing here knows about a feature.
 */
package io.digitstudio.ui.widgets;
