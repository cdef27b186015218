package dev.confab.generation.prompt;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.Passage;
import dev.confab.generation.config.GenerationConfig;
import dev.confab.generation.config.ModelRouter;
import dev.confab.generation.config.ModelRouter.Route;
import io.quarkiverse.langchain4j.ollama.Message;
import io.quarkiverse.langchain4j.ollama.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a task's prompt file with the persona, instructions, summary and numbered passages, then adds the
 * conversation, newest first, while it fits the model's context window minus the tokens kept for the answer.
 * Lower-ranked passages go before the question does; the message being answered is always sent.
 */
@ApplicationScoped
public class PromptBuilder {

    private final GenerationConfig config;
    private final ModelRouter router;
    private final Map<String, PromptTemplate> templates = new ConcurrentHashMap<>();

    public PromptBuilder(GenerationConfig config, ModelRouter router) {
        this.config = config;
        this.router = router;
        // Load every prompt now, so a missing file or unknown placeholder fails startup, not a conversation.
        for (GenerationTask task : GenerationTask.values()) {
            template(router.route(task));
        }
    }

    public Prompt build(GenerationRequested request) {
        Route route = router.route(request.task());
        PromptTemplate template = template(route);
        int budget = route.numCtx() - route.numPredict();
        List<ChatTurn> history = request.history();
        ChatTurn last = history.isEmpty() ? null : history.get(history.size() - 1);
        int lastTokens = last == null ? 0 : TokenBudget.tokens(last.text());

        List<Passage> passages = new ArrayList<>(request.passages());
        String system = template.render(values(request, passages));
        while (passages.size() > 1 && TokenBudget.tokens(system) + lastTokens > budget) {
            passages.remove(passages.size() - 1);
            system = template.render(values(request, passages));
        }
        system = TokenBudget.cut(system, Math.max(budget / 2, budget - lastTokens));

        int used = TokenBudget.tokens(system);
        Deque<Message> conversation = new ArrayDeque<>();
        int kept = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            ChatTurn turn = history.get(i);
            int tokens = TokenBudget.tokens(turn.text());
            if (kept > 0 && used + tokens > budget) {
                break;
            }
            String text = kept == 0 ? TokenBudget.cut(turn.text(), budget - used) : turn.text();
            conversation.addFirst(message(turn.speaker() == ChatTurn.Speaker.USER ? Role.USER : Role.ASSISTANT, text));
            used += Math.min(tokens, budget - used);
            kept++;
        }
        List<Message> messages = new ArrayList<>();
        messages.add(message(Role.SYSTEM, system));
        messages.addAll(conversation);
        return new Prompt(messages, template.version(), passages, used, history.size() - kept,
                request.passages().size() - passages.size());
    }

    private Map<String, String> values(GenerationRequested request, List<Passage> passages) {
        Map<String, String> values = new HashMap<>();
        values.put("persona", request.persona() == null ? config.persona() : request.persona());
        values.put("instructions", request.instructions());
        values.put("summary", request.summary());
        values.put("draft", request.fallbackText());
        values.put("max_chars", request.maxChars() == null ? null : request.maxChars().toString());
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            numbered.append(i == 0 ? "" : "\n").append('[').append(i + 1).append("] ");
            if (passage.title() != null) {
                numbered.append('(').append(passage.title()).append(") ");
            }
            numbered.append(passage.text());
        }
        values.put("passages", numbered.toString());
        return values;
    }

    private PromptTemplate template(Route route) {
        return templates.computeIfAbsent(route.prompt(), PromptTemplate::load);
    }

    private static Message message(Role role, String text) {
        return Message.builder().role(role).content(text).build();
    }
}
