package nl.omzien.certificates;

/** A certificate PDF to hand to its holder. */
public record CertificateDownload(String fileName, byte[] pdf) {
}
