package nl.omzien.signalcard.internal;

import nl.omzien.training.content.InvalidContentException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The card's texts must point at module steps that exist: the card teaches nothing the modules do not. */
class SignalCardParserTest {

    private static final Map<String, Set<String>> STEPS = Map.of(
            "herkennen", Set.of("signalen", "geen-afvinklijst"),
            "gesprek", Set.of("open-houding", "lsd", "tijd-en-wens"),
            "doorverwijzen", Set.of("eerst-vragen", "landelijke-hulplijnen", "kern-113-112"));

    private static String shipped() throws Exception {
        return Files.readString(Path.of("modules/signaleringskaart.yaml"));
    }

    @Test
    void theShippedCardParses() throws Exception {
        SignalCardContent card = SignalCardParser.parse("modules/signaleringskaart.yaml", shipped(), STEPS);
        assertThat(card.signals().items()).hasSize(5);
        assertThat(card.signals().notes()).hasSize(2);
        assertThat(card.national().items()).extracting(i -> i.title().nl())
                .containsExactly("De Luisterlijn: 088 0767 000.", "113 Zelfmoordpreventie: 113 of 0800-0113.", "112.");
    }

    @Test
    void anItemFromAStepThatDoesNotExistStopsTheStartWithFileLineAndProblem() throws Exception {
        String broken = shipped().replace("from: gesprek/lsd", "from: gesprek/luisteren").replace("from: doorverwijzen/eerst-vragen", "from: bestaat-niet/x");
        assertThatThrownBy(() -> SignalCardParser.parse("modules/signaleringskaart.yaml", broken, STEPS))
                .isInstanceOf(InvalidContentException.class)
                .satisfies(e -> assertThat(((InvalidContentException) e).problems())
                        .anySatisfy(p -> assertThat(p.message()).contains("module 'gesprek' has no step 'luisteren'"))
                        .anySatisfy(p -> assertThat(p.message()).contains("'bestaat-niet/x' is not module/step"))
                        .allSatisfy(p -> assertThat(p.line()).isPositive()));
    }

    @Test
    void aMissingTranslationOrSectionIsAProblem() throws Exception {
        String broken = shipped().replace("    en: Step by step\n", "").replaceFirst("(?s)\nnational:.*", "\n");
        assertThatThrownBy(() -> SignalCardParser.parse("modules/signaleringskaart.yaml", broken, STEPS))
                .isInstanceOf(InvalidContentException.class)
                .satisfies(e -> assertThat(((InvalidContentException) e).problems())
                        .anySatisfy(p -> assertThat(p.message()).contains("no English (en) text"))
                        .anySatisfy(p -> assertThat(p.message()).contains("missing 'national'")));
    }
}
