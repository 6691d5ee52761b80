package org.pkcn.exchange.deployment;

/**
 * One thing wrong with a model set, said so that the administrator can find it: the file, the line (when known),
 * the element's id (when there is one) and what is wrong.
 */
public record ModelProblem(String file, Integer line, String element, String message) {

    static ModelProblem of(String file, String message) {
        return new ModelProblem(file, null, null, message);
    }

    static ModelProblem at(String file, String element, String message) {
        return new ModelProblem(file, null, element, message);
    }

    /** "exchange-proposal.bpmn, line 12, Task_RegisterProposal: ..." */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file == null ? "the set" : file);
        if (line != null) {
            where.append(", line ").append(line);
        }
        if (element != null) {
            where.append(", ").append(element);
        }
        return where + ": " + message;
    }
}
