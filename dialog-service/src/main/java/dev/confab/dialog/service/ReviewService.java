package dev.confab.dialog.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.contracts.tenancy.TenantScope;
import dev.confab.dialog.Conversation;
import dev.confab.dialog.ConversationReview.Verdict;
import dev.confab.dialog.ConversationReview;
import dev.confab.dialog.TranscriptEntry.LabelSource;
import dev.confab.dialog.TranscriptEntry;
import dev.confab.dialog.repository.ConversationRepository;
import dev.confab.dialog.repository.ReviewCandidate;
import dev.confab.dialog.repository.ReviewRepository;
import dev.confab.dialog.repository.TranscriptRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Conversation review, the data-design loop: people approve or reject conversations and say which intent a message
 * really meant; approved conversations become fine-tuning examples and weakly understood or corrected messages
 * become NLU training data to review.
 */
@ApplicationScoped
public class ReviewService {

    private final ConversationRepository conversations;
    private final ReviewRepository reviews;
    private final TranscriptRepository transcript;
    private final AssistantRegistry assistants;

    public ReviewService(ConversationRepository conversations, ReviewRepository reviews,
                         TranscriptRepository transcript, AssistantRegistry assistants) {
        this.conversations = conversations;
        this.reviews = reviews;
        this.transcript = transcript;
        this.assistants = assistants;
    }

    /**
     * Records a verdict (replacing an earlier one) and labels the corrected messages, all or nothing.
     *
     * @throws NotFoundException       the assistant has no such conversation
     * @throws InvalidRequestException a correction names a turn without a user message, or an intent the
     *                                 conversation's assistant does not have
     */
    @WithTransaction
    public Uni<ConversationReview> review(String tenantId, String assistantId, String conversationId,
                                          Verdict verdict, String reviewer, List<IntentCorrection> corrections) {
        return TenantScope.enter(tenantId)
                .chain(() -> conversations.findById(conversationId))
                .map(conversation -> requireOwned(conversation, assistantId, conversationId))
                .call(conversation -> correct(conversation, corrections))
                .chain(conversation -> reviews.findById(conversationId))
                .chain(found -> {
                    ConversationReview review = found == null ? new ConversationReview() : found;
                    review.conversationId = conversationId;
                    review.tenantId = tenantId;
                    review.assistantId = assistantId;
                    review.verdict = verdict;
                    review.reviewer = reviewer;
                    review.reviewedAt = Instant.now();
                    return reviews.persist(review);
                });
    }

    /** A page of approved conversations after a conversation id, with the system message they were held to. */
    @WithTransaction
    public Uni<ApprovedConversations> approved(String tenantId, String assistantId, String after, int limit) {
        String system = TurnEvents.persona(assistants.bundleFor(tenantId, assistantId, null));
        return TenantScope.enter(tenantId)
                .chain(() -> reviews.approvedAfter(tenantId, assistantId, after, limit))
                .chain(page -> transcript.entriesOf(page.stream()
                                .map(review -> review.conversationId)
                                .toList())
                        .map(entries -> new ApprovedConversations(system, page, entries.stream()
                                .collect(Collectors.groupingBy(entry -> entry.conversationId)))));
    }

    /** A page of user messages to review: understood with less than {@code below} confidence, or corrected. */
    @WithTransaction
    public Uni<List<TranscriptEntry>> utterances(String tenantId, String assistantId, double below, long after,
                                                 int limit) {
        return TenantScope.enter(tenantId)
                .chain(() -> transcript.utterancesToReview(tenantId, assistantId, below, after, limit));
    }

    /** The review inbox: conversations most recently active first, unreviewed ones or those with a verdict. */
    @WithTransaction
    public Uni<List<ReviewCandidate>> inbox(String tenantId, String assistantId, Verdict verdict, int limit) {
        return TenantScope.enter(tenantId)
                .chain(() -> reviews.inbox(tenantId, assistantId, verdict, limit));
    }

    private static Conversation requireOwned(Conversation conversation, String assistantId, String conversationId) {
        // Row-level security answers for another tenant's conversation as for a missing one, so ids cannot be
        // probed across tenants.
        if (conversation == null || !conversation.assistantId.equals(assistantId)) {
            throw new NotFoundException("No conversation " + conversationId + " of assistant " + assistantId);
        }
        return conversation;
    }

    private Uni<List<TranscriptEntry>> correct(Conversation conversation, List<IntentCorrection> corrections) {
        AssistantBundle bundle = assistants.bundleFor(conversation.tenantId, conversation.assistantId,
                conversation.assistantVersion);
        corrections.stream()
                .filter(correction -> !bundle.intents().containsKey(correction.intent()))
                .findFirst()
                .ifPresent(unknown -> {
                    throw new InvalidRequestException("Unknown intent '" + unknown.intent() + "': assistant "
                            + conversation.assistantId + " " + bundle.version() + " has no such intent");
                });
        return Multi.createFrom().iterable(corrections)
                .onItem().transformToUniAndConcatenate(correction -> transcript
                        .userEntryOf(conversation.id, correction.turnId())
                        .map(entry -> label(entry, correction)))
                .collect().asList();
    }

    private static TranscriptEntry label(TranscriptEntry entry, IntentCorrection correction) {
        if (entry == null) {
            throw new InvalidRequestException("Turn '" + correction.turnId() + "' has no user message to correct");
        }
        entry.label(correction.intent(), LabelSource.REVIEWER);
        return entry;
    }
}
