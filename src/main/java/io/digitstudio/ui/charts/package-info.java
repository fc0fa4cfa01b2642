/**
 * Live chart helpers: series with a cap on points, and PNG export.
 */
package io.digitstudio.ui.charts;
