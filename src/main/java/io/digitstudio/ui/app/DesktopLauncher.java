package io.digitstudio.ui.app;

import javafx.application.Application;

/** Starts the desktop app; called by {@code io.digitstudio.Main} (which must not name JavaFX classes). */
public final class DesktopLauncher {
    /** Held so the settings stick (java.util.logging keeps loggers weakly). */
    private static final java.util.List<java.util.logging.Logger> QUIETED = new java.util.ArrayList<>();
    /** This launch's display's memory of software drawing (null: none applies), and whether it asked for it. */
    private static volatile SoftwareRendering rendering;
    private static volatile boolean softwareChosen;

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        launch(DigitStudioApp.class, args);
    }

    /** Launches {@code app} (the app, or a test's scripted subclass of it) with the same quiet logging. */
    static void launch(Class<? extends Application> app, String[] args) {
        // From a plain jar JavaFX warns that it was loaded from the class path (it works the same), and java.util.prefs
        // announces its folder on first use: neither is news to a user.
        quiet("com.sun.javafx.application.PlatformImpl");
        quiet("java.util.prefs");
        quiet("javafx");
        headlessAwt();
        rendering = SoftwareRendering.ofThisSession(System.getenv(), System.getProperties());
        softwareChosen = rendering != null && rendering.chooseBefore(System.getProperties());
        // the desktop's light or dark, on a thread of its own while the toolkit starts (unless a theme was chosen)
        DesktopTheme.askEarly(() -> LastSession.themeChosen() ? null : DesktopTheme.ofThisDesktop().prefersDark());
        warmUpStyles();
        Application.launch(app, args);
    }

    /**
     * What the first frame says of the graphics pipeline in use, kept for the next launch on this display
     * ({@link SoftwareRendering}); on a thread of its own, as it may write a file. Nothing where the app was not started
     * by {@link #launch} (the stories).
     */
    static void afterFirstFrame() {
        SoftwareRendering r = rendering;
        if (r == null) return;
        boolean hardware = javafx.application.Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D);
        boolean chosen = softwareChosen;
        Thread t = new Thread(() -> {
            try {
                r.learn(chosen, hardware);
            } catch (java.io.IOException | RuntimeException e) {
                // a cache: the next launch tries the hardware pipeline first, as JavaFX does
            }
        }, "rendering-memory");
        t.setDaemon(true);
        t.start();
    }

    /** The binary sheets read ahead: AtlantaFX's light one (the dark one is read by the same code) and ours. */
    static final java.util.List<String> WARM_UP_SHEETS = java.util.List.of(io.digitstudio.ui.widgets.Theme.LIGHT.userAgentStylesheet(),
            io.digitstudio.ui.widgets.Theme.SHEET.replace(".css", ".bss"));

    /**
     * AtlantaFX's sheet (1,013 rules, 197 kB in binary form) is read on the JavaFX thread as the window starts: read
     * once before, on a thread of its own while the toolkit starts, the classes that read it are initialised and their
     * code compiled by then. The sheet read here is dropped: JavaFX keeps only the sheets it reads itself.
     */
    static void warmUpStyles() {
        Thread t = new Thread(() -> {
            try {
                for (String sheet : WARM_UP_SHEETS) {
                    java.net.URL url = DesktopLauncher.class.getResource(sheet);
                    if (url != null) javafx.css.Stylesheet.loadBinary(url);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a warm-up: the window reads its sheets all the same
            }
        }, "style-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * AWT is used only for images (BufferedImage, ImageIO), never for a window: headless, it does not open its own X11
     * connection next to GTK's, whose error handler it then replaced inside a GDK error trap ("Gdk-WARNING **:
     * XSetErrorHandler() called with a GDK error trap pushed" at every launch). A value the user set is kept.
     */
    static void headlessAwt() {
        System.setProperty("java.awt.headless", headless(System.getProperty("java.awt.headless")));
    }

    /** The value java.awt.headless gets when it was {@code set} (null: not set). */
    static String headless(String set) {
        return set == null ? "true" : set;
    }

    private static void quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        QUIETED.add(logger);
    }
}
