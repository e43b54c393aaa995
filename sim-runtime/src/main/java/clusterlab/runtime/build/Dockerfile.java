package clusterlab.runtime.build;

import java.util.List;

/**
 * A parsed Dockerfile: its instructions in order and the escape character its directive chose.
 */
public record Dockerfile(char escape, List<Instruction> instructions) {
    public Dockerfile {
        instructions = List.copyOf(instructions);
    }
}
