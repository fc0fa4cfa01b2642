package io.digitstudio.ui.app;

import io.digitstudio.ui.widgets.Theme;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * AtlantaFX's sheet for the window's first theme (1,013 rules, 197 kB in binary form), read into JavaFX's style manager
 * while the toolkit starts, so that the window's start does not read it on the JavaFX thread. JavaFX reads a user agent
 * sheet when it is set, and finds it already read when the same sheet is set again ({@code StyleManager} compares the
 * names, and a sheet inside a jar has no checksum to compare). JavaFX has no public way to hand it a sheet read
 * elsewhere: this uses its style manager, which the class path (the jar's launch) reaches; where JavaFX is a module that
 * does not export it (the installed app), the sheet is only read ahead and dropped, which leaves the reader's classes
 * initialised and its code compiled by the time the JavaFX thread reads it again.
 */
final class EarlySheet {
    private static final AtomicReference<CompletableFuture<Void>> LOADING = new AtomicReference<>();

    private EarlySheet() {
    }

    /**
     * Reads the sheet of {@code first} on a thread of its own, before the toolkit starts: when the sheet changes, the
     * style manager restyles every scene it knows, which only the JavaFX thread may do, and before the toolkit there is
     * none.
     */
    static void load(Supplier<Theme> first) {
        load(first, r -> {
            Thread t = new Thread(r, "early-sheet");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Reads the sheet of {@code first} (asked on {@code where}) into JavaFX's style manager, by {@code where}. */
    static void load(Supplier<Theme> first, Executor where) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        LOADING.set(done);
        where.execute(() -> {
            try {
                String sheet = first.get().userAgentStylesheet();
                try {
                    com.sun.javafx.css.StyleManager.getInstance().setUserAgentStylesheets(List.of(sheet));
                } catch (LinkageError notExported) {
                    java.net.URL url = EarlySheet.class.getResource(sheet.replace(".css", ".bss"));
                    if (url != null) javafx.css.Stylesheet.loadBinary(url);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // ahead of time only: the window reads its sheet all the same
            } finally {
                done.complete(null);
            }
        });
    }

    /**
     * Waits for the sheet read ahead, if one is being read: the window sets its theme's sheet after it, never before, so
     * that a sheet read ahead for another theme (the desktop's answer late or wrong) cannot replace the window's.
     */
    static void await() {
        CompletableFuture<Void> loading = LOADING.getAndSet(null);
        if (loading != null) loading.join();
    }
}
