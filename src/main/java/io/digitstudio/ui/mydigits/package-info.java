/** My digits: the user's collection of drawings (kept from the Draw view or imported), and fine-tuning the active model on them. */
package io.digitstudio.ui.mydigits;
