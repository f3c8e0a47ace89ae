package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coalition lead keeps their own municipality's contacts; nobody else changes them. */
class LocalContactsEditorTest extends KaribuTest {

    private static final String TWENTERAND_PARTICIPANT = "lotte.westerhof@demo.example";

    @Autowired
    private LocalContactService contacts;
    @Autowired
    private DSLContext db;

    private MunicipalityId municipality(String name) {
        return db.select(MUNICIPALITY.ID).from(MUNICIPALITY).where(MUNICIPALITY.NAME.eq(name)).fetchSingle(MUNICIPALITY.ID);
    }

    private static LocalContactDraft valid(String name) {
        return new LocalContactDraft(ContactKind.BUDDY_PROJECT, name, "Samen wandelen of koffie drinken.", "0546 123 456",
                null, null, null);
    }

    @Test
    void leadAddsAContactInTheAppAndParticipantsOfThatMunicipalitySeeIt() {
        signInAs(LEAD_TWENTERAND);
        open("hulp-in-je-gemeente");
        _click(_get(Button.class, spec -> spec.withId("add-contact")));
        @SuppressWarnings("unchecked")
        ComboBox<ContactKind> kind = _get(ComboBox.class, spec -> spec.withId("contact-kind"));
        kind.setValue(ContactKind.WELFARE);
        _get(TextField.class, spec -> spec.withId("contact-name")).setValue("Buurthuis De Schakel");
        _get(TextArea.class, spec -> spec.withId("contact-offer")).setValue("Elke dinsdag koffie en een praatje.");
        _get(TextField.class, spec -> spec.withId("contact-phone")).setValue("0546 123 456");
        _get(TextField.class, spec -> spec.withId("contact-website")).setValue("www.deschakel-vroomshoop.nl");
        _get(TextField.class, spec -> spec.withId("contact-hours")).setValue("di 10.00-12.00 uur");
        _click(_get(Button.class, spec -> spec.withId("save-contact")));

        _assertNone(Button.class, spec -> spec.withId("save-contact"));
        assertThat(_get(LocalHelpPanel.class).getElement().getTextRecursively()).contains("Buurthuis De Schakel", "0546 123 456",
                "deschakel-vroomshoop.nl");

        signInAs(TWENTERAND_PARTICIPANT);
        LocalContact saved = contacts.mine().orElseThrow().contacts().stream()
                .filter(c -> c.name().equals("Buurthuis De Schakel")).findFirst().orElseThrow();
        assertThat(saved.website()).isEqualTo("https://www.deschakel-vroomshoop.nl");
        assertThat(saved.example()).isFalse();

        signInAs(LEAD_TWENTERAND);
        contacts.delete(saved.id());
    }

    @Test
    void wrongPhoneEmailAndWebsiteGetDutchMessagesAndTheFormKeepsWhatWasTyped() {
        signInAs(LEAD_TWENTERAND);
        open("hulp-in-je-gemeente");
        int before = contacts.mine().orElseThrow().contacts().size();
        _click(_get(Button.class, spec -> spec.withId("add-contact")));
        _get(TextField.class, spec -> spec.withId("contact-name")).setValue("Meldpunt");
        _get(TextArea.class, spec -> spec.withId("contact-offer")).setValue("Advies");
        TextField phone = _get(TextField.class, spec -> spec.withId("contact-phone"));
        phone.setValue("12345");
        EmailField email = _get(EmailField.class, spec -> spec.withId("contact-email"));
        email.setValue("meldpunt-at-twenterand");
        TextField website = _get(TextField.class, spec -> spec.withId("contact-website"));
        website.setValue("meldpunt twenterand");
        _click(_get(Button.class, spec -> spec.withId("save-contact")));

        assertThat(phone.getErrorMessage()).startsWith("Dit is geen Nederlands telefoonnummer.");
        assertThat(email.getErrorMessage()).startsWith("Dit is geen geldig e-mailadres.");
        assertThat(website.getErrorMessage()).startsWith("Dit is geen geldig webadres.");
        assertThat(phone.getValue()).isEqualTo("12345");
        assertThat(_get(TextField.class, spec -> spec.withId("contact-name")).getValue()).isEqualTo("Meldpunt");
        assertThat(_get(Button.class, spec -> spec.withId("save-contact")).isEnabled()).isTrue();
        assertThat(contacts.mine().orElseThrow().contacts()).hasSize(before);
    }

    @Test
    void aContactAddedMeanwhileShowsOnceTheLeadOpensThePageAgain() {
        signInAs(LEAD_TWENTERAND);
        open("hulp-in-je-gemeente");
        assertThat(_get(LocalHelpPanel.class).getElement().getTextRecursively()).doesNotContain("Maatjes Westerhaar");
        LocalContact added = contacts.save(null, municipality("Twenterand"), valid("Maatjes Westerhaar"));
        open("hulp-in-je-gemeente");
        assertThat(_find(LocalHelpPanel.class)).singleElement()
                .satisfies(panel -> assertThat(panel.getElement().getTextRecursively()).contains("Maatjes Westerhaar"));
        assertThat(_find(Button.class, spec -> spec.withId("add-contact"))).hasSize(1);
        contacts.delete(added.id());
    }

    @Test
    void aLeadOfAnotherMunicipalityIsRefusedOnTheServer() {
        MunicipalityId twenterand = municipality("Twenterand");
        MunicipalityId coevorden = municipality("Coevorden");
        signInAs(LEAD_TWENTERAND);
        LocalContact theirs = contacts.save(null, twenterand, valid("Maatjes Den Ham"));

        signInAs(LEAD_COEVORDEN);
        assertThat(contacts.canEdit(twenterand)).isFalse();
        assertThatThrownBy(() -> contacts.save(null, twenterand, valid("Overgenomen"))).isInstanceOf(AccessDeniedException.class);
        // Claiming the own municipality for someone else's contact does not help either.
        assertThatThrownBy(() -> contacts.save(theirs.id(), coevorden, valid("Overgenomen"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.delete(theirs.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.of(twenterand)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.card(twenterand, Locale.of("nl"))).isInstanceOf(AccessDeniedException.class);

        signInAs(TWENTERAND_PARTICIPANT);
        assertThatThrownBy(() -> contacts.save(null, twenterand, valid("Door deelnemer"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.delete(theirs.id())).isInstanceOf(AccessDeniedException.class);

        signInAs(LEAD_TWENTERAND);
        assertThat(contacts.of(twenterand).contacts()).extracting(LocalContact::name).contains("Maatjes Den Ham").doesNotContain("Overgenomen");
        contacts.delete(theirs.id());
    }

    @Test
    void aParticipantSeesTheirMunicipalityWithExamplesMarkedAndNoEditButtons() {
        signInAs(TWENTERAND_PARTICIPANT);
        open("hulp-in-je-gemeente");
        String text = _get(LocalHelpPanel.class).getElement().getTextRecursively();
        assertThat(text).contains("Twenterand", "Meldpunt Eenzaamheid Twenterand", "Voorbeeld").doesNotContain("Coevorden");
        _assertNone(Button.class, spec -> spec.withId("add-contact"));
        assertThat(_find(Button.class, spec -> spec.withClasses("edit-contact"))).isEmpty();
    }

    @Test
    void savingAnExampleContactMakesItReal() {
        signInAs(LEAD_TWENTERAND);
        LocalContact example = contacts.mine().orElseThrow().contacts().stream().filter(LocalContact::example).findFirst().orElseThrow();
        LocalContact saved = contacts.save(example.id(), example.municipalityId(), LocalContactDraft.of(example));
        assertThat(saved.example()).isFalse();
        assertThat(saved.name()).isEqualTo(example.name());
    }

    @Test
    void anAdminChoosesAMunicipalityAndMayEditItsContacts() {
        signInAs(ADMIN);
        open("hulp-in-je-gemeente");
        @SuppressWarnings("unchecked")
        ComboBox<nl.omzien.people.Municipality> choice = _get(ComboBox.class, spec -> spec.withId("contacts-municipality"));
        choice.setValue(choice.getListDataView().getItems().filter(m -> m.name().equals("Twenterand")).findFirst().orElseThrow());
        assertThat(_get(LocalHelpPanel.class).getElement().getTextRecursively()).contains("Meldpunt Eenzaamheid Twenterand");
        assertThat(_find(Button.class, spec -> spec.withId("add-contact"))).hasSize(1);
        assertThat(contacts.canEdit(municipality("Coevorden"))).isTrue();
    }

    @Test
    void theNationalLinesComeFirstOnThePhonePageAndAreTapToCall() {
        signInAs(TWENTERAND_PARTICIPANT);
        open("hulp-in-je-gemeente");
        LocalHelpPanel panel = _get(LocalHelpPanel.class);
        com.vaadin.flow.dom.Element first = panel.getElement().getChild(0);
        assertThat(first.getAttribute("id")).as("the first thing on the page").isEqualTo("national-lines");
        java.util.List<String> calls = _find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withClasses("national-call")).stream()
                .map(a -> a.getHref() + " " + a.getElement().getTextRecursively()).toList();
        assertThat(calls).containsExactly("tel:112 Bel 112", "tel:113 Bel 113", "tel:08000113 Bel 0800-0113",
                "tel:0880767000 Bel 088 0767 000");
        assertThat(first.getTextRecursively()).contains("Direct levensgevaar", "113 Zelfmoordpreventie", "De Luisterlijn");
    }
}
