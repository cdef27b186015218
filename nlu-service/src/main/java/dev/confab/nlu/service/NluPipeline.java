package dev.confab.nlu.service;

import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.entity.EntityRecognizer;
import dev.confab.nlu.engine.language.LanguageIdentifier;

/** What the service needs to understand a message, built together at startup from the assistant's definitions. */
public record NluPipeline(IntentClassifier classifier, EntityRecognizer entities, LanguageIdentifier languages) {
}
