package dev.confab.guardrails.eval;

import java.util.List;

/**
 * Splits BANKING77 in two fixed halves by a hash of each text: the injection classifier learns what ordinary
 * banking requests look like from one half, and its false positives are measured on the other.
 */
final class BankingSplit {

    private BankingSplit() {
    }

    static List<String> training(List<String> texts) {
        return texts.stream().filter(BankingSplit::inTraining).toList();
    }

    static List<String> heldOut(List<String> texts) {
        return texts.stream().filter(text -> !inTraining(text)).toList();
    }

    private static boolean inTraining(String text) {
        return Math.floorMod(text.hashCode(), 2) == 0;
    }
}
