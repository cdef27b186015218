package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bundle.model.AnnotatedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the slot tagger's training data: {@code entities.examples} and the intent examples that mark an entity.
 * An unmarked intent example does not teach the tagger: intents' examples often hold amounts and names nobody
 * marked, and learning them as "no entity" would teach the tagger to miss them.
 */
final class AnnotationReader {

    private final Sections sections;
    private final List<BundleProblem> problems;
    private final Set<String> known = new HashSet<>(ReferenceChecker.SYSTEM_ENTITIES);
    private final Set<String> taught = new HashSet<>();

    private AnnotationReader(Sections sections, List<BundleProblem> problems) {
        this.sections = sections;
        this.problems = problems;
        known.addAll(sections.modelEntities());
    }

    /**
     * What the markup says, read once for both readers of it.
     *
     * @param tagger      the tagger's examples, in bundle order
     * @param intentTexts per intent, its examples as the classifier reads them: "[£50](amount_of_money)" is "£50"
     */
    record Read(List<AnnotatedText> tagger, Map<String, List<String>> intentTexts) {
    }

    /** Every problem found is added to {@code problems}. */
    static Read read(Sections sections, List<BundleProblem> problems) {
        return new AnnotationReader(sections, problems).read();
    }

    private Read read() {
        List<AnnotatedText> examples = new ArrayList<>();
        Map<String, List<String>> intentTexts = new HashMap<>();
        sections.annotatedExamples().forEach(at -> parse(at.node().asText(), at, "").ifPresent(examples::add));
        sections.named("intents").forEach((name, intent) -> {
            JsonNode texts = intent.node().path("examples");
            List<String> plain = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                parse(texts.get(i).asText(), intent, "/examples/" + i).ifPresent(example -> {
                    plain.add(example.text());
                    if (!example.spans().isEmpty()) {
                        examples.add(example);
                    }
                });
            }
            intentTexts.put(name, plain);
        });
        sections.modelEntities().stream()
                .filter(entity -> !taught.contains(entity))
                .sorted()
                .forEach(entity -> problems.add(sections.modelEntity(entity).problem("model entity '" + entity
                        + "' is marked in no example, so the tagger cannot learn it: add examples such as "
                        + "\"[words](" + entity + ")\" under entities.examples")));
        return new Read(examples, intentTexts);
    }

    private Optional<AnnotatedText> parse(String markup, Located at, String pointer) {
        AnnotatedText example;
        try {
            example = AnnotatedText.parse(markup);
        } catch (IllegalArgumentException e) {
            problems.add(at.problem(pointer, e.getMessage()));
            return Optional.empty();
        }
        for (AnnotatedText.Span span : example.spans()) {
            if (!known.contains(span.entity())) {
                problems.add(at.problem(pointer, "unknown entity '" + span.entity() + "' in an annotation: list it "
                        + "under entities.model, or mark a system entity"));
                return Optional.empty();
            }
            taught.add(span.entity());
        }
        return Optional.of(example);
    }
}
