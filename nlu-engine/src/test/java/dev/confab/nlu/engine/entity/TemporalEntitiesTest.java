package dev.confab.nlu.engine.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates, times and periods resolve against the moment the user spoke (NLU++'s reference: Tue 2022-03-15 09:00). */
class TemporalEntitiesTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2022, 3, 15, 9, 0, 0, 0, ZoneOffset.UTC);
    private final EntityRecognizer recognizer = EntityRecognizer.of(EntityDefinitions.none());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            can I come tomorrow                          | date        | tomorrow             | 2022-03-16
            the day after tomorrow works                 | date        | the day after tomorrow | 2022-03-17
            next friday please                           | date        | next friday          | 2022-03-18
            I was born on the 20th of July 1992          | date        | the 20th of July 1992 | 1992-07-20
            it was on 03/02/2021                         | date        | 03/02/2021           | 2021-02-03
            in two days                                  | date        | in two days          | 2022-03-17
            6 months ago                                 | date        | 6 months ago         | 2021-09-15
            call me at 15:30                             | time        | 15:30                | 15:30
            25 to 7 p.m. is fine                         | time        | 25 to 7 p.m.         | 18:35
            half past four in the afternoon              | time        | half past four in the afternoon | 16:30
            ok at 4                                      | time        | 4                    | 04:00
            12:25 at night                               | time        | 12:25 at night       | 00:25
            tomorrow at 3pm                              | datetime    | tomorrow at 3pm      | 2022-03-16T15:00
            any day next week                            | date_period | next week            | 2022-03-21/2022-03-27
            this quarter                                 | date_period | this quarter         | 2022-01-01/2022-03-31
            from monday to friday                        | date_period | monday to friday     | 2022-03-21/2022-03-25
            payments since January                       | date_period | January              | 2022-01-01/2022-01-31
            interest from 2009                           | date_period | 2009                 | 2009-01-01/2009-12-31
            blocked for the last 3 hours                 | time_period | the last 3 hours     | 2022-03-15T06:00/2022-03-15T09:00
            between 9 05 in the morning and 25 to 7 p.m. | time_period | 9 05 in the morning and 25 to 7 p.m. | 2022-03-15T09:05/2022-03-15T18:35
            stolen last night                            | time_period | last night           | 2022-03-14T22:00/2022-03-15T06:00
            a loan for 11 years                          | duration    | 11 years             | P11Y
            """)
    void resolvesAgainstTheReferenceTime(String utterance, String entity, String text, String value) {
        assertThat(recognizer.recognize(utterance, NOW))
                .extracting(EntityMatch::entity, EntityMatch::text, EntityMatch::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(entity, text, value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            may I close my account
            I need 25 o'clock
            the 35th
            """)
    void wordsThatNameNoMomentAreNotDates(String utterance) {
        assertThat(recognizer.recognize(utterance, NOW))
                .extracting(EntityMatch::entity)
                .doesNotContain("date", "time", "date_period");
    }

    @org.junit.jupiter.api.Test
    void findsEveryExpressionOfALongerMessageInOrder() {
        List<EntityMatch> matches = recognizer.recognize(
                "Move it to next week, around 10:30am, and remind me tomorrow", NOW);

        assertThat(matches)
                .extracting(EntityMatch::entity, EntityMatch::text, EntityMatch::start, EntityMatch::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("date_period", "next week", 11, "2022-03-21/2022-03-27"),
                        org.assertj.core.groups.Tuple.tuple("time", "10:30am", 29, "10:30"),
                        org.assertj.core.groups.Tuple.tuple("date", "tomorrow", 52, "2022-03-16"));
    }
}
