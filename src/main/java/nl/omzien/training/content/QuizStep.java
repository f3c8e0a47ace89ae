package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

public record QuizStep(String id, Text title, Set<Audience> audiences, List<Question> questions) implements Step {

    public enum QuestionType { SINGLE, MULTIPLE }

    public record Option(Text text, boolean correct) {
    }

    public record Question(String id, QuestionType type, Text text, List<Option> options, Text explanation) {

        /** Right only when exactly the correct options were chosen (indexes into {@link #options()}). */
        public boolean isAnsweredCorrectly(Set<Integer> chosen) {
            return chosen.equals(correctOptions());
        }

        public Set<Integer> correctOptions() {
            return IntStream.range(0, options.size()).filter(i -> options.get(i).correct()).boxed()
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
