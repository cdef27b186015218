package dev.confab.nlu.engine.entity.tagger;

import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.entity.EntityDefinitions;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntityRecognizer;
import dev.confab.nlu.engine.entity.EntitySource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The tagger learns an assistant's own slots from a few annotated examples and keeps system values. */
class SlotTaggerTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2022, 3, 15, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final EntityRecognizer SYSTEM = EntityRecognizer.of(EntityDefinitions.none());
    private static SlotTagger tagger;

    @BeforeAll
    static void train() {
        List<SlotExample> examples = new ArrayList<>();
        String[][] transfers = {
                {"send £20 to anna smith", "anna smith"}, {"transfer £150 to john", "john"},
                {"pay £9.99 to maria lopez", "maria lopez"}, {"send £300 to my landlord peter", "peter"},
                {"transfer £45 to sofia", "sofia"}, {"please pay £12 to david brown", "david brown"},
                {"wire £80 to lucy", "lucy"}, {"send £1,000 to tom jones", "tom jones"}};
        for (String[] transfer : transfers) {
            String text = transfer[0];
            int amountStart = text.indexOf('£');
            int amountEnd = text.indexOf(' ', amountStart);
            int nameStart = text.lastIndexOf(transfer[1]);
            examples.add(new SlotExample(text, List.of(new Slot("amount", amountStart, amountEnd),
                    new Slot("recipient", nameStart, nameStart + transfer[1].length()))));
        }
        examples.add(new SlotExample("stop payments since last monday", List.of(new Slot("date_from", 20, 31))));
        examples.add(new SlotExample("block it from next week", List.of(new Slot("date_from", 14, 23))));
        examples.add(new SlotExample("freeze my card until friday", List.of(new Slot("date_to", 20, 27))));
        examples.add(new SlotExample("hold it until next week", List.of(new Slot("date_to", 14, 23))));
        examples.add(new SlotExample("what is my balance", List.of()));
        tagger = SlotTagger.train(examples, SYSTEM::recognize,
                new WordVectors(new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q)), NOW);
    }

    @Test
    void tagsTheAssistantsSlotsInAnUnseenUtterance() {
        List<EntityMatch> slots = tagger.extract("send £75 to peter", NOW);

        assertThat(slots).extracting(EntityMatch::entity, EntityMatch::text, EntityMatch::source)
                .containsExactly(tuple("amount", "£75", EntitySource.MODEL),
                        tuple("recipient", "peter", EntitySource.MODEL));
        assertThat(slots).allSatisfy(slot -> assertThat(slot.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void aSlotOverASystemEntityTakesItsNormalisedValue() {
        assertThat(tagger.extract("transfer £60 to anna", NOW))
                .filteredOn(slot -> slot.entity().equals("amount"))
                .extracting(EntityMatch::value)
                .containsExactly("60 GBP");
        assertThat(tagger.extract("freeze my card until next friday", NOW))
                .extracting(EntityMatch::entity, EntityMatch::value)
                .containsExactly(tuple("date_to", "2022-03-18"));
    }

    @Test
    void controlCharactersAreNoTokens() {
        assertThat(tagger.extract("send\u0000 £5 to\u0007 peter\u200b", NOW))
                .extracting(EntityMatch::entity)
                .contains("amount");
    }

    @Test
    void examplesWithoutSlotsTeachNothing() {
        assertThatThrownBy(() -> SlotTagger.train(List.of(new SlotExample("hello", List.of())), SYSTEM::recognize,
                new WordVectors(new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
