package clusterlab.runtime.engine;

import clusterlab.kernel.os.Process;

/** A started {@code docker exec}: its id and the process running in the container. */
public record ExecInstance(String id, Process process) {}
