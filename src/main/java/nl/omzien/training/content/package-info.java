/**
 * The training content model (modules, steps, texts in nl/en) and its parser. Exposed so other
 * features can show a module's title or pick modules, e.g. for a group session or a learning path.
 */
@org.springframework.modulith.NamedInterface("content")
package nl.omzien.training.content;
