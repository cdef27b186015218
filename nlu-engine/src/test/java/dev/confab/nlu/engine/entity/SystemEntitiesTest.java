package dev.confab.nlu.engine.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Numbers, money, emails, phones, card numbers and IBANs: found with their spans and normalised. */
class SystemEntitiesTest {

    private final EntityRecognizer recognizer = EntityRecognizer.of(EntityDefinitions.none());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            create 6 new standing orders             | number      | 6                       | 6
            a limit of 1,250.50 please               | number      | 1,250.50                | 1250.50
            twenty-five of them                      | number      | twenty-five             | 25
            send £12.50 to mum                       | money       | £12.50                  | 12.50 GBP
            I paid 40 euros                          | money       | 40 euros                | 40 EUR
            a loan of 5k dollars                     | money       | 5k dollars              | 5000 USD
            USD 1,000 abroad                         | money       | USD 1,000               | 1000 USD
            top up fifty quid                        | money       | fifty quid              | 50 GBP
            a hundred and twenty pounds by card      | money       | a hundred and twenty pounds | 120 GBP
            it was fifteen hundred euros             | money       | fifteen hundred euros   | 1500 EUR
            two thousand five hundred of them        | number      | two thousand five hundred | 2500
            write to Jane.Doe@Example.com please     | email       | Jane.Doe@Example.com    | jane.doe@example.com
            my number is 07911 123456                | phone       | 07911 123456            | +447911123456
            call +1 650-253-0000                     | phone       | +1 650-253-0000         | +16502530000
            my card 4111 1111 1111 1111 is blocked   | card_number | 4111 1111 1111 1111     | 4111111111111111
            pay GB82 WEST 1234 5698 7654 32 please   | iban        | GB82 WEST 1234 5698 7654 32 | GB82WEST12345698765432
            """)
    void findsAndNormalises(String utterance, String entity, String text, String value) {
        assertThat(recognizer.recognize(utterance, ZonedDateTime.now()))
                .extracting(EntityMatch::entity, EntityMatch::text, EntityMatch::value)
                .containsExactly(tuple(entity, text, value));
    }

    @Test
    void numbersThatFailTheirChecksAreOnlyNumbers() {
        assertThat(recognizer.recognize("card 4111 1111 1111 1112 and GB00 WEST 1234 5698 7654 32",
                ZonedDateTime.now()))
                .extracting(EntityMatch::entity)
                .doesNotContain("card_number", "iban");
    }

    @Test
    void theLongestReadingWinsWhereSpansOverlap() {
        assertThat(recognizer.recognize("transfer $250 on 3 March", ZonedDateTime.now()))
                .extracting(EntityMatch::entity, EntityMatch::text)
                .containsExactly(tuple("money", "$250"), tuple("date", "3 March"));
    }
}
