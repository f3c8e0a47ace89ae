/**
 * The signal card per municipality (signaleringskaart, issue 21): one printable page, A4 or a folded counter card,
 * with the five signal groups, three conversation tips and the step plan from the training content
 * ({@code modules/signaleringskaart.yaml}, each item pointing at the module step it summarises), the
 * municipality's local contacts per kern (the reader's organisation's kern first) and the national lines.
 * Owns no tables: it reads the training content and the contacts feature's public API.
 */
package nl.omzien.signalcard;
