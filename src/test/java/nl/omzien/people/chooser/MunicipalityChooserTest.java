package nl.omzien.people.chooser;

import nl.omzien.base.MunicipalityId;
import nl.omzien.people.Municipality;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two rules the views rely on for what is chosen at first; no Spring context needed. */
class MunicipalityChooserTest {

    private static final Municipality ZWOLLE = new Municipality(new MunicipalityId(1), "Zwolle");
    private static final Municipality KAMPEN = new Municipality(new MunicipalityId(2), "Kampen");

    @Test
    void anAdminWithoutAMunicipalityGetsTheFirstChosen() {
        var chooser = new MunicipalityChooser("some-id", "Gemeente");
        assertThat(chooser.offer(List.of(ZWOLLE, KAMPEN), null)).isEqualTo(ZWOLLE.id());
        assertThat(chooser.getValue()).isEqualTo(ZWOLLE);
        assertThat(chooser.getId()).contains("some-id");
        assertThat(chooser.getLabel()).isEqualTo("Gemeente");
    }

    @Test
    void anAdminWithTheirOwnMunicipalitySeesItWhileTheFieldStaysEmpty() {
        var chooser = new MunicipalityChooser("some-id", "Gemeente");
        assertThat(chooser.offer(List.of(ZWOLLE, KAMPEN), KAMPEN.id())).isEqualTo(KAMPEN.id());
        assertThat(chooser.getValue()).isNull();
    }

    @Test
    void nothingToOfferMeansNothingChosen() {
        var chooser = new MunicipalityChooser("some-id", "Gemeente");
        assertThat(chooser.offer(List.of(), null)).isNull();
        chooser.offerKeeping(List.of(), null);
        assertThat(chooser.chosenId()).isNull();
    }

    @Test
    void offeredAgainTheChoiceStaysByIdEvenWhenRenamed() {
        var chooser = new MunicipalityChooser("some-id", "Gemeente");
        List<MunicipalityId> heard = new ArrayList<>();
        chooser.onChoose(heard::add);
        chooser.offerKeeping(List.of(ZWOLLE, KAMPEN), null);
        chooser.offerKeeping(List.of(ZWOLLE, new Municipality(KAMPEN.id(), "Kampen (renamed)")), KAMPEN.id());
        assertThat(chooser.chosenId()).isEqualTo(KAMPEN.id());
        assertThat(chooser.getValue().name()).isEqualTo("Kampen (renamed)");
        chooser.offerKeeping(List.of(ZWOLLE), KAMPEN.id());
        assertThat(chooser.chosenId()).as("gone: none, not silently another").isNull();
        assertThat(heard).endsWith((MunicipalityId) null);
    }
}
