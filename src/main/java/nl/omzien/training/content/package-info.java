/**
 * Training content: the module format, its parser and validator. A named interface, because other
 * features read content types (titles, texts) and reuse the YAML helpers for their own files
 * (learning paths in certificates).
 */
@NamedInterface("content")
package nl.omzien.training.content;

import org.springframework.modulith.NamedInterface;
