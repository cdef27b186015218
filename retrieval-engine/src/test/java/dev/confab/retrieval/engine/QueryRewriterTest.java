package dev.confab.retrieval.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A follow-up is read with the message it follows; a question that stands on its own is searched as asked. */
class QueryRewriterTest {

    private final QueryRewriter rewriter = new QueryRewriter();
    private final List<String> context = List.of("hi", "How long does card delivery take?");

    @Test
    void prefixesAFollowUpWithThePreviousMessage() {
        assertThat(rewriter.rewrite("and express?", context)).isEqualTo("How long does card delivery take? and express?");
        assertThat(rewriter.rewrite("how much does it cost?", context))
                .isEqualTo("How long does card delivery take? how much does it cost?");
    }

    @Test
    void leavesASelfContainedQuestionAlone() {
        assertThat(rewriter.rewrite("What are the fees for international transfers?", context))
                .isEqualTo("What are the fees for international transfers?");
        assertThat(rewriter.rewrite("and express?", List.of())).isEqualTo("and express?");
    }
}
