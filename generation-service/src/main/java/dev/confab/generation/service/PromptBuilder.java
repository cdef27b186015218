package dev.confab.generation.service;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.Passage;
import dev.confab.generation.config.GenerationConfig;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the chat messages the model sees: the assistant's persona (from its bundle, else configured), the task's
 * instructions, numbered passages, then the conversation.
 */
@ApplicationScoped
public class PromptBuilder {

    private final GenerationConfig config;

    public PromptBuilder(GenerationConfig config) {
        this.config = config;
    }

    public List<ChatMessage> messages(GenerationRequested request) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system(request)));
        for (ChatTurn turn : request.history()) {
            messages.add(turn.speaker() == ChatTurn.Speaker.USER
                    ? UserMessage.from(turn.text())
                    : AiMessage.from(turn.text()));
        }
        return messages;
    }

    private String system(GenerationRequested request) {
        StringBuilder prompt = new StringBuilder(request.persona() == null ? config.persona() : request.persona());
        if (request.instructions() != null) {
            prompt.append('\n').append(request.instructions());
        }
        if (request.summary() != null) {
            prompt.append("\nThe conversation so far, in brief: ").append(request.summary());
        }
        List<Passage> passages = request.passages();
        if (passages.isEmpty() && request.task() != GenerationTask.ANSWER) {
            return prompt.toString();
        }
        if (passages.isEmpty()) {
            prompt.append("\nNo knowledge was found for this question: say so briefly rather than guess.");
            return prompt.toString();
        }
        prompt.append("\nAnswer only from these passages and cite them as [n]:");
        for (int i = 0; i < passages.size(); i++) {
            prompt.append("\n[").append(i + 1).append("] ").append(passages.get(i).text());
        }
        return prompt.toString();
    }
}
