/**
 * The active model and its files: {@link io.digitstudio.ui.model.ActiveModel}, opening and saving through {@link io.digitstudio.ui.model.ModelManager}, and the recent-files list.
 */
package io.digitstudio.ui.model;
