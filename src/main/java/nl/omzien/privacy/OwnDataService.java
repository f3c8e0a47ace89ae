package nl.omzien.privacy;

import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import nl.omzien.privacy.internal.PersonalDataEraser;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * "Download my data" and "delete my account", for the person themself or an admin acting on their request.
 * The check is here, not in the view: anyone else gets {@link AccessDeniedException}. An admin's export or
 * deletion of someone else lands in the audit log.
 */
@Service
public class OwnDataService {

    /** Name of the JSON file inside the ZIP (joined, so the translation-key scan does not take it for a key). */
    public static final String JSON_NAME = String.join(".", "gegevens", "json");

    private final PersonalDataEraser eraser;
    private final PersonalDataSubjects subjects;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    OwnDataService(PersonalDataEraser eraser, PersonalDataSubjects subjects, CurrentUser currentUser,
                   ApplicationEventPublisher events, Clock clock) {
        this.eraser = eraser;
        this.subjects = subjects;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public DataExport exportMine() {
        return export(currentUser.require().accountId());
    }

    /** Everything stored about {@code userId}: the person themself or an admin. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public DataExport export(PersonId userId) {
        authorise(userId);
        PersonalDataSubject subject = subjects.any(userId).orElseThrow(() -> new NoSuchElementException("No account " + userId));
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.EXPORTED, userId, "data-export"));
        Map<String, Object> sections = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (PersonalDataSection section : eraser.sections()) {
            sections.put(section.name(), section.export(subject));
            files.putAll(section.files(subject));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "omzien-own-data/1");
        document.put("exportedAt", OffsetDateTime.now(clock));
        document.put("userId", userId);
        document.put("sections", sections);
        return new DataExport("omzien-gegevens-" + userId + ".zip", zip(json.writeValueAsBytes(document), files));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void deleteMine() {
        delete(currentUser.require().accountId());
    }

    /**
     * Erases or anonymises the person's data in every feature (see docs/decisions/011-own-data.md). The
     * caller signs the person out when it was their own account. Deleting twice does no harm.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void delete(PersonId userId) {
        SignedInUser user = authorise(userId);
        eraser.erase(userId, user.accountId().equals(userId) ? "deleted-by-person" : "deleted-on-request");
    }

    /** Whether the signed-in person may export or delete {@code userId}'s account (to show the buttons). */
    public boolean mayHandle(PersonId userId) {
        return currentUser.find().map(user -> user.accountId().equals(userId) || user.isAdmin()).orElse(false);
    }

    private SignedInUser authorise(PersonId userId) {
        SignedInUser user = currentUser.require();
        if (!user.accountId().equals(userId) && !user.isAdmin()) {
            throw new AccessDeniedException("Only the person or an admin exports or deletes an account");
        }
        return user;
    }

    private static byte[] zip(byte[] document, Map<String, byte[]> files) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(JSON_NAME));
            zip.write(document);
            zip.closeEntry();
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
