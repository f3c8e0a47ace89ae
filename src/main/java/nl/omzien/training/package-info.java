/**
 * Training modules (content from modules/), the player, progress, quizzes, self-assessments and follow-up.
 *
 * <p>Owns, in PostgreSQL schema {@code training} (jOOQ classes in {@code nl.omzien.training.internal.db}):
 * module_version, module_file, module_attempt, step_progress, scenario_choice, quiz_submission,
 * reflection_answer, self_assessment, follow_up, story_release and referral_tap (issue 21). Other features get module titles from {@link
 * nl.omzien.training.ModuleTitles}. Publishes the read-only view v_attempt_outcome (attempts, outcome and
 * self-assessment sums, no answers; the dashboard's SQL reads it), and for the effect figures (decision 025)
 * v_follow_up_answer, v_released_story, v_attempt_confidence and v_referral_tap, generated into {@code
 * nl.omzien.training.published}.
 */
package nl.omzien.training;
