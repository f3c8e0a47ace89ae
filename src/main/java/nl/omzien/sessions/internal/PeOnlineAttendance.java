package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;
import nl.omzien.people.ProfessionalRegistration;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The attendance file for PE-online (decision 031). PE-online's documented import for attendance ("Presentie
 * invoeren", "Een lijst met nummers importeren") takes a list of registration numbers, one per line, copied from
 * Excel or a text file into the field "Te verwerken"; it publishes no file layout beyond that. So the file is a
 * CSV whose first column is that list (an 11-digit BIG number or a register number), with the name, the date and
 * the accreditation number beside it for the trainer's own check and records. Only people present who gave
 * their number with consent are in it.
 */
public final class PeOnlineAttendance {

    public static final List<String> HEADERS = List.of("Registratienummer", "Soort", "Naam", "Datum", "Accreditatienummer");

    private PeOnlineAttendance() {
    }

    public static byte[] csv(TrainingSession session, String accreditationNumber, List<SessionParticipant> present,
                             Map<PersonId, ProfessionalRegistration> numbers) {
        String date = SessionTimes.local(session.startsAt()).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Semicolons and a byte-order mark, as the dashboard's CSV: Excel with Dutch settings opens it in columns.
        try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            var printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                    .setHeader(HEADERS.toArray(String[]::new)).get());
            for (SessionParticipant p : present.stream().filter(p -> numbers.containsKey(p.userId()))
                    .sorted(Comparator.comparing(SessionParticipant::fullName, String.CASE_INSENSITIVE_ORDER)).toList()) {
                ProfessionalRegistration registration = numbers.get(p.userId());
                printer.printRecord(registration.number(), registration.kind().name(), inert(p.fullName()), date,
                        inert(accreditationNumber));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A name typed by a person must not become a formula in Excel. */
    private static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
