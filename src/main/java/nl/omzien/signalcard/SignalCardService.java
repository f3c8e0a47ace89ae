package nl.omzien.signalcard;

import jakarta.annotation.security.PermitAll;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.Translations;
import nl.omzien.contacts.LocalContactService;
import nl.omzien.contacts.MunicipalityContacts;
import nl.omzien.security.CurrentUser;
import nl.omzien.signalcard.internal.FileSignalCardContent;
import nl.omzien.signalcard.internal.SignalCardPdf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The signal card (signaleringskaart) of a municipality as a one-page PDF. Everyone signed in prints their own
 * municipality's card (an admin any): the contacts feature refuses another municipality's contacts, so the card
 * is refused too.
 */
@Service
public class SignalCardService {

    private final FileSignalCardContent content;
    private final LocalContactService contacts;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final Clock clock;

    SignalCardService(FileSignalCardContent content, LocalContactService contacts, CurrentUser currentUser,
                      Translations translations, Clock clock) {
        this.content = content;
        this.contacts = contacts;
        this.currentUser = currentUser;
        this.translations = translations;
        this.clock = clock;
    }

    /** The signed-in person's own municipality; empty for someone without one (an admin chooses). */
    @PermitAll
    public Optional<MunicipalityId> myMunicipality() {
        return Optional.ofNullable(currentUser.require().municipalityId());
    }

    /**
     * The card in the reader's language. Local contacts come per kern: the reader's organisation's kern first (only
     * on their own municipality's card), then those for the whole municipality, then the other kernen.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public byte[] card(MunicipalityId municipalityId, SignalCardFormat format, Locale locale) {
        MunicipalityContacts local = contacts.of(municipalityId);
        String kern = municipalityId.equals(currentUser.require().municipalityId()) ? contacts.myKern().orElse(null) : null;
        Locale language = Translations.supported(locale);
        String date = LocalDate.now(clock).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language));
        SignalCardPdf.Card card = new SignalCardPdf.Card(content.content(), language, local.municipalityName(),
                local.byKern(kern), date);
        return SignalCardPdf.render(card, format, (key, args) -> translations.getTranslation(key, language, args));
    }

    public String fileName(MunicipalityId municipalityId, SignalCardFormat format) {
        String name = contacts.of(municipalityId).municipalityName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return "signaleringskaart-" + name + (format == SignalCardFormat.COUNTER ? "-vouwkaart" : "") + ".pdf";
    }
}
