package io.digitstudio.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a required parameter or option is, in the words of the line that asks for it when the command line leaves it out
 * ("give " + this): "the id of the run to show ('digitstudio runs list' shows the ids)". {@link Cli#parameterError}
 * reads it; a required argument without it is named by its label and description.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface WhenMissing {
    String value();
}
