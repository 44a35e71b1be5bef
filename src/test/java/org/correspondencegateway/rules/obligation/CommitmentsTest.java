package org.correspondencegateway.rules.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.correspondencegateway.policy.PolicyFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the clause analysis reads single sentences a councillor might write to a contractor: the ones
 * that bind the Council, and the ones that only look as if they might.
 */
class CommitmentsTest {
    private static EnglishReader english;
    private static Commitments commitments;

    @BeforeAll
    static void load() throws Exception {
        english = new EnglishReader();
        commitments = new Commitments(PolicyFile.load(Path.of("conf/policy.yaml")).obligation());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        No need to wait for the paperwork, the trees can come down next week.   | WORKING
        Please go ahead and order the benches.                                   | WORKING
        We are happy to accept your quotation of £4,500.                         | ACCEPTING
        Could you book the skip for Tuesday please?                              | ORDERING
        You can start on Monday.                                                 | WORKING
        Invoice the council direct.                                              | PAYING
        The Council will pay for the replacement glass.                          | PAYING
        Your quote is accepted.                                                  | ACCEPTING
        Consider this email your go-ahead.                                       | WORKING
        I'm happy for you to carry on with the fencing.                          | WORKING
        We would like you to start the resurfacing in January.                   | WORKING
        Please cancel the order for the planters.                                | ORDERING
        The job is yours.                                                        | ACCEPTING
        Crack on with the hedge when you're ready.                               | WORKING
        I accept your revised price for the bus shelter.                         | ACCEPTING
        """)
    void sentencesThatBindTheCouncil(String sentence, Commitment.Kind kind) {
        assertThat(commitments.analyse(english.tag(sentence))).as(sentence)
            .hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(kind));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "I will raise this at the next meeting.",
        "Could you send us a quote for the fencing?",
        "The Council resolved on 3 November to accept your quote.",
        "If the committee approves it, you could start in spring.",
        "I'll ask the Clerk to order the benches.",
        "The Clerk will send you the formal order.",
        "Please don't start until you hear from the Clerk.",
        "I think we should go with your quote.",
        "Would you be able to give us a price for the bins?",
        "Might make a story.",
        "Bill, have a look at this - proposals for next year.",
        "Thank you for your quotation, which I have passed to the Clerk.",
        "Subject to council approval, we would like to proceed.",
        "We cannot accept the price as it stands.",
        "Let me know when you can start.",
        "I will recommend to the committee that we accept your tender.",
        "The committee agreed at its meeting on Tuesday to appoint you.",
        "Happy to discuss at the surgery on Saturday.",
        "See you on Thursday.",
        "Have a lovely Christmas."
    })
    void sentencesThatDoNot(String sentence) {
        assertThat(commitments.analyse(english.tag(sentence))).as(sentence).isEmpty();
    }
}
