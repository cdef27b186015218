package dev.confab.bundle.model;

/**
 * Engine settings of an assistant, each with a default a designer rarely needs to change.
 *
 * @param maxReasks                 how often a slot question is asked again after an unusable answer
 * @param inactivityTimeoutMinutes  silence after which the next message starts a new session
 * @param fallbacksBeforeHandoff    consecutive messages the assistant could not handle before it offers a human
 * @param currency                  ISO 4217 code given to a bare number that fills a money slot
 * @param historyWindow             earlier messages the SLM sees
 * @param summaryEveryTurns         user turns between refreshes of the rolling summary
 * @param longTermMemory            whether users may opt in to facts being remembered across conversations
 * @param slmCommands               whether the SLM reads what the NLU could not (a typed command over the flows
 *                                  and slots) before the assistant re-asks, clarifies or says it cannot help
 */
public record Settings(Integer maxReasks, Integer inactivityTimeoutMinutes, Integer fallbacksBeforeHandoff,
                       String currency, Integer historyWindow, Integer summaryEveryTurns, Boolean longTermMemory,
                       Boolean slmCommands) {

    public Settings {
        maxReasks = maxReasks == null ? 2 : maxReasks;
        inactivityTimeoutMinutes = inactivityTimeoutMinutes == null ? 30 : inactivityTimeoutMinutes;
        fallbacksBeforeHandoff = fallbacksBeforeHandoff == null ? 2 : fallbacksBeforeHandoff;
        currency = currency == null ? "EUR" : currency;
        historyWindow = historyWindow == null ? 10 : historyWindow;
        summaryEveryTurns = summaryEveryTurns == null ? 6 : summaryEveryTurns;
        longTermMemory = longTermMemory != null && longTermMemory;
        slmCommands = slmCommands == null || slmCommands;
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null, null, null, null, null);
    }
}
