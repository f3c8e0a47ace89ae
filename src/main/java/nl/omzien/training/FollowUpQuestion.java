package nl.omzien.training;

import nl.omzien.training.content.Text;

import java.util.Locale;

/**
 * The follow-up question as its link shows it: which training it follows, in the person's language,
 * and what they answered so far. Nothing else about the person.
 */
public record FollowUpQuestion(Text moduleTitle, Locale locale, boolean open, Boolean noticed, String story) {
}
