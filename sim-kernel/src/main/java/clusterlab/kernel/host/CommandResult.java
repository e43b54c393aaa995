package clusterlab.kernel.host;

/** What a command run to completion left behind: its output streams and exit status. */
public record CommandResult(String stdout, String stderr, int exitStatus) {
    /** Standard output and error as a terminal would interleave them (errors after output here). */
    public String combined() {
        return stdout + stderr;
    }
}
