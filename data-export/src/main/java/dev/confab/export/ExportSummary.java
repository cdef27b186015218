package dev.confab.export;

import java.nio.file.Path;

/**
 * What an export wrote.
 *
 * @param written  examples (fine-tuning) or rows (NLU review) in the file
 * @param skipped  approved conversations that made no example (no user message the bot answered)
 * @param redacted distinct personal values hidden behind placeholders
 */
public record ExportSummary(String dataset, int written, int skipped, int redacted, Path out) {

    @Override
    public String toString() {
        return dataset + ": " + written + " written, " + skipped + " skipped, " + redacted
                + " personal values redacted -> " + out;
    }
}
