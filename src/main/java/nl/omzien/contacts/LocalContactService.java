package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.Translations;
import nl.omzien.contacts.internal.ContactCardPdf;
import nl.omzien.contacts.internal.ContactValidation;
import nl.omzien.base.InvalidInputException;
import nl.omzien.contacts.internal.JooqLocalContactRepository;
import nl.omzien.contacts.internal.JooqLocalFigureRepository;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The municipality's contacts for referring people, and its loneliness figures (issue 18: local figures are
 * the municipality's data, not module text). Everyone signed in reads their own municipality's list, card
 * and figures; a coalition lead changes only their own municipality's, an admin any.
 */
@Service
public class LocalContactService {

    private final JooqLocalContactRepository contacts;
    private final JooqLocalFigureRepository figures;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final Clock clock;

    LocalContactService(JooqLocalContactRepository contacts, JooqLocalFigureRepository figures, CurrentUser currentUser,
                        Translations translations, Clock clock) {
        this.contacts = contacts;
        this.figures = figures;
        this.currentUser = currentUser;
        this.translations = translations;
        this.clock = clock;
    }

    /**
     * The contacts of the signed-in person's municipality, those of their organisation's kern first (issue 21);
     * empty when they belong to none (an admin).
     */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<MunicipalityContacts> mine() {
        MunicipalityId municipality = currentUser.require().municipalityId();
        return municipality == null ? Optional.empty() : Optional.of(load(municipality).nearestFirst(myKern().orElse(null)));
    }

    /**
     * The kern (village or district) of the signed-in person's organisation, as the organisation form keeps it
     * ({@code village}); empty without an organisation or village. Contacts of this kern come first.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public Optional<String> myKern() {
        return Optional.ofNullable(currentUser.require().organisationId()).flatMap(contacts::villageOf);
    }

    /** The kernen a contact form suggests: the villages of the municipality's organisations and the kernen in use. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<String> kernSuggestions(MunicipalityId municipalityId) {
        requireReader(municipalityId);
        java.util.TreeMap<String, String> byKey = new java.util.TreeMap<>();
        java.util.stream.Stream.concat(contacts.villages(municipalityId).stream(), load(municipalityId).kernen().stream())
                .forEach(k -> byKey.putIfAbsent(k.strip().toLowerCase(Locale.ROOT), k.strip()));
        return List.copyOf(byKey.values());
    }

    /**
     * The contacts of a municipality the signed-in person works in (admin: any); in their own municipality those of
     * their organisation's kern first.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public MunicipalityContacts of(MunicipalityId municipalityId) {
        requireReader(municipalityId);
        return load(municipalityId).nearestFirst(kernIn(municipalityId));
    }

    /** The reader's kern when the municipality is their own, else null (their village means nothing elsewhere). */
    private String kernIn(MunicipalityId municipalityId) {
        return municipalityId.equals(currentUser.require().municipalityId()) ? myKern().orElse(null) : null;
    }

    /** Whether the signed-in person may change this municipality's list (also checked when saving). */
    public boolean canEdit(MunicipalityId municipalityId) {
        return currentUser.find().map(u -> mayEdit(u, municipalityId)).orElse(false);
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public LocalContact save(Long id, MunicipalityId municipalityId, LocalContactDraft draft) {
        SignedInUser user = currentUser.require();
        requireEditor(user, municipalityId);
        if (id != null) {
            LocalContact existing = contacts.findById(id).orElseThrow(() -> new NoSuchElementException("No contact " + id));
            // The contact's own municipality decides, not the one the form claims.
            requireEditor(user, existing.municipalityId());
            if (!existing.municipalityId().equals(municipalityId)) {
                throw new AccessDeniedException("Contact " + id + " belongs to another municipality");
            }
        }
        LocalContactDraft clean = ContactValidation.checked(draft);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long savedId;
        if (id == null) {
            savedId = contacts.insert(municipalityId, clean, false, user.accountId(), now);
        } else {
            contacts.update(id, clean, user.accountId(), now);
            savedId = id;
        }
        return contacts.findById(savedId).orElseThrow();
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void delete(long id) {
        SignedInUser user = currentUser.require();
        contacts.findById(id).ifPresent(existing -> {
            requireEditor(user, existing.municipalityId());
            contacts.delete(id);
        });
    }

    /** The loneliness figures of the signed-in person's municipality, newest first; empty without one. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<LocalFigure> myFigures() {
        MunicipalityId municipality = currentUser.require().municipalityId();
        return municipality == null ? List.of() : figures.findByMunicipality(municipality);
    }

    /** The loneliness figures of a municipality the signed-in person works in (admin: any). */
    @Transactional(readOnly = true)
    @PermitAll
    public List<LocalFigure> figuresOf(MunicipalityId municipalityId) {
        requireReader(municipalityId);
        return figures.findByMunicipality(municipalityId);
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public LocalFigure saveFigure(Long id, MunicipalityId municipalityId, LocalFigureDraft draft) {
        SignedInUser user = currentUser.require();
        requireEditor(user, municipalityId);
        if (id != null) {
            LocalFigure existing = figures.findById(id).orElseThrow(() -> new NoSuchElementException("No figure " + id));
            requireEditor(user, existing.municipalityId());
            if (!existing.municipalityId().equals(municipalityId)) {
                throw new AccessDeniedException("Figure " + id + " belongs to another municipality");
            }
        }
        LocalFigureDraft clean = checked(draft, LocalDate.now(clock).getYear());
        OffsetDateTime now = OffsetDateTime.now(clock);
        long savedId;
        if (id == null) {
            savedId = figures.insert(municipalityId, clean, user.accountId(), now);
        } else {
            figures.update(id, clean, user.accountId(), now);
            savedId = id;
        }
        return figures.findById(savedId).orElseThrow();
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void deleteFigure(long id) {
        SignedInUser user = currentUser.require();
        figures.findById(id).ifPresent(existing -> {
            requireEditor(user, existing.municipalityId());
            figures.delete(id);
        });
    }

    /** A figure needs who it is about, a percentage, a year that has been and a source someone can check. */
    static LocalFigureDraft checked(LocalFigureDraft draft, int thisYear) {
        String population = draft.population() == null ? null : draft.population().strip();
        String source = draft.source() == null ? null : draft.source().strip();
        BigDecimal percent = draft.percent();
        new InvalidInputException.Checks()
                .require("population", population)
                .length("population", population, 2, 100)
                .require("percent", percent)
                .fail("percent", "figure.percent.invalid", percent != null
                        && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0))
                .require("year", draft.year())
                .fail("year", "figure.year.invalid", draft.year() != null && (draft.year() < 1990 || draft.year() > thisYear))
                .require("source", source)
                .length("source", source, 2, 300)
                .throwIfAny();
        return new LocalFigureDraft(population, percent.setScale(1, RoundingMode.HALF_UP), draft.year(), source);
    }

    /** The one-page PDF card of a municipality's contacts, in the reader's language. */
    @Transactional(readOnly = true)
    @PermitAll
    public byte[] card(MunicipalityId municipalityId, Locale locale) {
        requireReader(municipalityId);
        Locale language = Translations.supported(locale);
        String date = LocalDate.now(clock).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language));
        return ContactCardPdf.render(load(municipalityId).nearestFirst(kernIn(municipalityId)), date, (key, args) -> translations.getTranslation(key, language, args));
    }

    public String cardFileName(MunicipalityContacts card) {
        return "hulp-in-" + card.municipalityName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".pdf";
    }

    private MunicipalityContacts load(MunicipalityId municipalityId) {
        String name = contacts.municipalityName(municipalityId)
                .orElseThrow(() -> new NoSuchElementException("No municipality " + municipalityId));
        return new MunicipalityContacts(municipalityId, name, contacts.findByMunicipality(municipalityId));
    }

    private void requireReader(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin() && (user.municipalityId() == null || !user.municipalityId().equals(municipalityId))) {
            throw new AccessDeniedException("Contacts of another municipality");
        }
    }

    private static boolean mayEdit(SignedInUser user, MunicipalityId municipalityId) {
        return user.isAdmin() || (user.has(Role.COALITION_LEAD) && user.municipalityId() != null
                && municipalityId.equals(user.municipalityId()));
    }

    private static void requireEditor(SignedInUser user, MunicipalityId municipalityId) {
        if (!mayEdit(user, municipalityId)) {
            throw new AccessDeniedException("Only this municipality's coalition lead may change its contacts");
        }
    }
}
