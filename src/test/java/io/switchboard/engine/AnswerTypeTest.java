package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.step.askquestion.AnswerType;
import io.switchboard.engine.step.askquestion.AskQuestionStep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each answer type accepts from a contact, and the value it saves. */
class AnswerTypeTest {

    static AskQuestionStep step(AnswerType type) {
        return new AskQuestionStep("q", "?", type, type == AnswerType.MULTIPLE_CHOICE ? List.of("Sales", "Support") : null,
                type == AnswerType.NUMBER ? BigDecimal.ONE : null, type == AnswerType.NUMBER ? BigDecimal.TEN : null,
                List.of("DD/MM/YYYY", "YYYY-MM-DD", "MM-DD-YY"), type == AnswerType.PHONE ? "+351" : null, null, null, 2,
                null, null, null);
    }

    static Optional<String> answer(AnswerType type, String reply) {
        return type.accept(reply, step(type));
    }

    @Test
    void choicesByTextInAnyCaseOrByNumber() {
        assertEquals(Optional.of("Support"), answer(AnswerType.MULTIPLE_CHOICE, " support "));
        assertEquals(Optional.of("Sales"), answer(AnswerType.MULTIPLE_CHOICE, "1."));
        assertEquals(Optional.empty(), answer(AnswerType.MULTIPLE_CHOICE, "3"));
        assertEquals(Optional.empty(), answer(AnswerType.MULTIPLE_CHOICE, "Billing"));
    }

    @Test
    void numbersWithinBoundsWithAPointOrADecimalComma() {
        assertEquals(Optional.of("2.5"), answer(AnswerType.NUMBER, "2,5"));
        assertEquals(Optional.of("10"), answer(AnswerType.NUMBER, "10.00"));
        assertEquals(Optional.empty(), answer(AnswerType.NUMBER, "11"));
        assertEquals(Optional.empty(), answer(AnswerType.NUMBER, "0.5"));
        assertEquals(Optional.empty(), answer(AnswerType.NUMBER, "five"));
    }

    @Test
    void emailsInLowerCase() {
        assertEquals(Optional.of("ada@example.co.uk"), answer(AnswerType.EMAIL, "Ada@Example.co.UK"));
        assertEquals(Optional.empty(), answer(AnswerType.EMAIL, "ada@example"));
        assertEquals(Optional.empty(), answer(AnswerType.EMAIL, "ada at example.com"));
    }

    @Test
    void phonesInInternationalFormWithTheStepsCountryCodeForNationalNumbers() {
        assertEquals(Optional.of("+14155550123"), answer(AnswerType.PHONE, "+1 (415) 555-0123"));
        assertEquals(Optional.of("+351912345678"), answer(AnswerType.PHONE, "912 345 678"));
        assertEquals(Optional.of("+4930123456"), answer(AnswerType.PHONE, "0049 30 123456"));
        assertEquals(Optional.empty(), answer(AnswerType.PHONE, "call me"));
        assertEquals(Optional.empty(), AnswerType.PHONE.accept("912 345 678", step(AnswerType.TEXT)),
                "without a country code a national number is ambiguous");
    }

    @Test
    void datesInAnyAcceptedFormatSavedAsIso() {
        assertEquals(Optional.of("2026-12-24"), answer(AnswerType.DATE, "24/12/2026"));
        assertEquals(Optional.of("2026-12-24"), answer(AnswerType.DATE, "2026-12-24"));
        assertEquals(Optional.of("2026-12-24"), answer(AnswerType.DATE, "12-24-26"));
        assertEquals(Optional.empty(), answer(AnswerType.DATE, "31/02/2026"), "no 31 February");
        assertEquals(Optional.empty(), answer(AnswerType.DATE, "tomorrow"));
    }

    @Test
    void textTakesAnythingButBlank() {
        assertEquals(Optional.of("Lisbon"), answer(AnswerType.TEXT, " Lisbon "));
        assertEquals(Optional.empty(), answer(AnswerType.TEXT, "   "));
    }

    @Test
    void webAddressesWithOrWithoutTheirScheme() {
        assertEquals(Optional.of("https://acme.example.com/shop"), answer(AnswerType.URL, "acme.example.com/shop"));
        assertEquals(Optional.of("http://acme.io"), answer(AnswerType.URL, "http://acme.io"));
        assertEquals(Optional.empty(), answer(AnswerType.URL, "my website"));
    }

    @Test
    void ratingsFromOneToFiveAsDigitsOrStars() {
        assertEquals(Optional.of("4"), answer(AnswerType.RATING, "4"));
        assertEquals(Optional.of("5"), answer(AnswerType.RATING, "5/5"));
        assertEquals(Optional.of("3"), answer(AnswerType.RATING, "\u2B50\uFE0F\u2B50\uFE0F\u2B50\uFE0F"));
        assertEquals(Optional.of("2"), answer(AnswerType.RATING, "2 stars"));
        assertEquals(Optional.empty(), answer(AnswerType.RATING, "6"));
        assertEquals(Optional.empty(), answer(AnswerType.RATING, "great"));
    }

    @Test
    void locationsFromALocationMessageOrCoordinates() {
        assertEquals(Optional.of("38.7223,-9.1393"), answer(AnswerType.LOCATION, "[location 38.7223,-9.1393 Lisbon]"));
        assertEquals(Optional.of("-33.86,151.21"), answer(AnswerType.LOCATION, "-33.86, 151.21"));
        assertEquals(Optional.empty(), answer(AnswerType.LOCATION, "95.0, 10.0"), "no latitude beyond the poles");
        assertEquals(Optional.empty(), answer(AnswerType.LOCATION, "at home"));
    }
}
