package dev.confab.dialog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the conversation engine. */
@ConfigMapping(prefix = "dialog")
public interface DialogConfig {

    /** How many earlier messages the SLM sees. */
    @WithDefault("10")
    int historyWindow();

    /** How many knowledge passages to ask retrieval for. */
    @WithDefault("3")
    int retrievalTopK();

    /** What the bot says when it has no answer and the SLM cannot help either. */
    @WithDefault("Sorry, I don't have an answer to that yet. Could you put it another way?")
    String noAnswerText();
}
