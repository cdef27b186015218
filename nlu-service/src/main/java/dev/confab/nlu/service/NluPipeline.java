package dev.confab.nlu.service;

import dev.confab.nlu.engine.CategoryReader;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.discovery.UtteranceDiscovery;
import dev.confab.nlu.engine.entity.EntityRecognizer;
import dev.confab.nlu.engine.entity.tagger.SlotTagger;
import dev.confab.nlu.engine.language.LanguageIdentifier;

import java.util.Optional;

/**
 * What the service needs to understand a message, built together at startup from the assistant's definitions.
 *
 * @param slots the tagger of the assistant's slots, learned from its annotated examples (none without them); slots
 *              may cover the same words as a system entity ("£250" is {@code money} and {@code amount_of_money}),
 *              so they are not merged
 * @param categories reads a whole message as a value of each of the assistant's category slots, by meaning
 */
public record NluPipeline(IntentClassifier classifier, EntityRecognizer entities, Optional<SlotTagger> slots,
                          CategoryReader categories, LanguageIdentifier languages, UtteranceDiscovery discovery) {
}
