package nl.omzien.training;

import nl.omzien.training.content.ScenarioStep;

import java.util.List;

/** The path taken so far in one run of a scenario: each choice made, and the node the learner is at. */
public record ScenarioRun(int run, List<Choice> choices, String currentNodeId, boolean anyRunFinished) {

    public record Choice(String nodeId, int replyIndex, String nextNodeId, ScenarioStep.Quality quality) {
    }
}
