package nl.omzien.privacy;

/** "Download my data": a ZIP with the JSON of everything stored about the person and their certificate PDFs. */
public record DataExport(String fileName, byte[] zip) {
}
