package dev.confab.dialog.rest;

import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.dialog.ConversationReview.Verdict;
import dev.confab.dialog.service.IntentCorrection;

import java.util.List;

/**
 * Body of {@code PUT /v1/assistants/{tenant}/{assistant}/conversations/{id}/review}.
 *
 * @param corrections which intent the user's message of a turn really meant, for any the NLU got wrong
 */
public record ReviewRequest(Verdict verdict, String reviewer, List<IntentCorrection> corrections) {

    /** A conversation has at most a transcript's worth of user messages to correct. */
    static final int MAX_CORRECTIONS = 1000;

    /** The corrections, once the request is known to be complete and bounded. */
    List<IntentCorrection> checkedCorrections() {
        if (verdict == null) {
            throw new InvalidRequestException("The body must give a verdict: APPROVED or REJECTED");
        }
        if (reviewer != null) {
            Identifiers.require(reviewer, "reviewer");
        }
        List<IntentCorrection> given = corrections == null ? List.of() : corrections;
        if (given.size() > MAX_CORRECTIONS) {
            throw new InvalidRequestException("At most " + MAX_CORRECTIONS + " corrections per review");
        }
        given.forEach(correction -> {
            if (correction == null || correction.turnId() == null || correction.intent() == null) {
                throw new InvalidRequestException("Each correction needs a turnId and an intent");
            }
            Identifiers.require(correction.turnId(), "turn id");
            Identifiers.require(correction.intent(), "intent");
        });
        return given;
    }
}
