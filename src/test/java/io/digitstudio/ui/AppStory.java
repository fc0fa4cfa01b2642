package io.digitstudio.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A user story in the whole window: the app closed after each test, any run it left going stopped first. Each story
 * shows the app in its own {@code @Start} method ({@code app.show(stage)}): TestFX looks for that method in the test
 * class alone, not in the classes it extends.
 */
@ExtendWith(ApplicationExtension.class)
abstract class AppStory {
    protected final UiFixture app = new UiFixture();

    /** The story begins once the window is as a user first meets it: the Train form whole (after the first frame). */
    @BeforeEach
    void awaitForm() throws Exception {
        app.awaitForm();
    }

    @AfterEach
    void closeApp() throws Exception {
        app.close();
    }
}
