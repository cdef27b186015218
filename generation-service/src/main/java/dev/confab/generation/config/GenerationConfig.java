package dev.confab.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of answer generation. */
@ConfigMapping(prefix = "generation")
public interface GenerationConfig {

    /** Longest wait for the model's next token (or its first) before the answer falls back. */
    @WithDefault("30s")
    Duration tokenTimeout();

    /** Who the assistant is and how it speaks; the start of every system prompt. */
    @WithDefault("You are the customer-support assistant of a bank. Answer politely, briefly and only about banking.")
    String persona();
}
