package dev.confab.dialog.service;

import java.util.List;

/**
 * What dialog serves for one assistant.
 *
 * @param active       the version new conversations get
 * @param loaded       every version still loaded, oldest first (conversations in flight keep theirs)
 * @param lastRejected the most recent release that was refused, or {@code null}
 */
public record AssistantStatus(String tenantId, String assistantId, String active, List<String> loaded,
                              BundleRejection lastRejected) {

    public AssistantStatus {
        loaded = List.copyOf(loaded);
    }
}
