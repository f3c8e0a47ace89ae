package nl.omzien.training;

/** Confidence 1-5: "I recognise signs", "I dare to raise it", "I know where to refer". */
public record SelfAssessment(int recognise, int raise, int refer) {

    public SelfAssessment {
        for (int value : new int[]{recognise, raise, refer}) {
            if (value < 1 || value > 5) {
                throw new IllegalArgumentException("Self-assessment answers are 1 to 5");
            }
        }
    }
}
