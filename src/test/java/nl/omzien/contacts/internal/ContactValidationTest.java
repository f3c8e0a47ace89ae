package nl.omzien.contacts.internal;

import nl.omzien.base.InvalidInputException;
import nl.omzien.contacts.ContactKind;
import nl.omzien.contacts.LocalContactDraft;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactValidationTest {

    @Test
    void dutchNumbersAPersonCanDialAreAccepted() {
        for (String phone : new String[]{"0524 512 345", "0524-512345", "06-12345678", "+31 6 12345678", "0031 524 512 345",
                "14 0524", "14 020", "0800-0113", "0900 1234", "088 0767 000", "113", "112", "(0546) 123 456"}) {
            assertThat(ContactValidation.isDutchPhone(phone)).as(phone).isTrue();
        }
    }

    @Test
    void numbersThatCannotBeDialledInTheNetherlandsAreRefused() {
        for (String phone : new String[]{"12345", "0524", "bel ons", "06 1234 5678 90", "+44 20 7946 0958", "0524 512 345 ext 2", "5"}) {
            assertThat(ContactValidation.isDutchPhone(phone)).as(phone).isFalse();
        }
    }

    @Test
    void aWebsiteWithoutHttpsIsCompletedAndNonsenseRefused() {
        assertThat(ContactValidation.website("www.welzijncoevorden.nl")).isEqualTo("https://www.welzijncoevorden.nl");
        assertThat(ContactValidation.isWebsite("https://www.welzijncoevorden.nl/eenzaamheid")).isTrue();
        assertThat(ContactValidation.isWebsite("https://welzijn coevorden")).isFalse();
        assertThat(ContactValidation.isWebsite("https://localhost")).isFalse();
        assertThat(ContactValidation.isWebsite("javascript:alert(1)")).isFalse();
    }

    @Test
    void everyProblemOfAFormIsReportedAtOnceWithItsField() {
        var draft = new LocalContactDraft(null, " ", "", "12", "geen-adres", "niet een url", "x".repeat(201));
        assertThatThrownBy(() -> ContactValidation.checked(draft)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).containsEntry("kind", "validation.required").containsEntry("name", "validation.required")
                        .containsEntry("offer", "validation.required").containsEntry("phone", "contact.phone.invalid")
                        .containsEntry("email", "validation.email").containsEntry("website", "contact.website.invalid")
                        .containsEntry("openingHours", "contact.hours.too-long"));
    }

    @Test
    void aContactNobodyCanReachIsRefused() {
        var draft = new LocalContactDraft(ContactKind.OTHER, "Buurthuis", "Koffie op dinsdag", "", " ", null, null);
        assertThatThrownBy(() -> ContactValidation.checked(draft)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).containsOnlyKeys("phone").containsEntry("phone", "contact.reachable-required"));
    }
}
