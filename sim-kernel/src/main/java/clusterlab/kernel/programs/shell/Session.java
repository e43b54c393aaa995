package clusterlab.kernel.programs.shell;

import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Terminal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What one shell process shares among its interpreters (the shell proper, its subshells and
 * pipeline stages): the process, its stdin, how it words errors, its jobs, and whether it is
 * waiting for a foreground job (so that Ctrl-C goes to the job, not to the prompt).
 */
final class Session {
    /** Simulated CPU time one command costs the shell (parsing, expanding, fork bookkeeping). */
    static final long COMMAND_CPU_NANOS = 200_000;
    /** Bound on jobs remembered for notifications. */
    static final int MAX_JOBS = 1000;

    final ProcessContext ctx;
    final Messages messages;
    final ShellInput input;
    final boolean interactive;
    /** The path of the shell's executable, used to run scripts without a #! line. */
    final String shellPath;
    int line = 1;
    int foregroundWaits;
    final List<Job> jobs = new ArrayList<>();

    /** A background job: its number, command text, first process, and status once done. */
    static final class Job {
        final int number;
        final String text;
        Process process;
        Integer status;
        boolean reported;

        Job(int number, String text) {
            this.number = number;
            this.text = text;
        }
    }

    Session(ProcessContext ctx, Messages messages, boolean interactive, String shellPath) {
        this.ctx = ctx;
        this.messages = messages;
        this.input = new ShellInput(ctx);
        this.interactive = interactive;
        this.shellPath = shellPath;
    }

    /** The terminal whose input is our stdin, if any (for making a job the foreground one). */
    Terminal terminal() {
        Pipe in = input.pipe();
        return in == null ? null : in.terminal();
    }

    /** Prints an error about the current command with the shell's prefix. */
    void error(OutputSink err, String message) {
        err.write(messages.prefix(line) + message + "\n");
    }

    /** Line readers of pipes the read builtin used (looked up by identity, never iterated). */
    private final IdentityHashMap<Pipe, PipeLines> pipeLines = new IdentityHashMap<>();

    /** The line reader for {@code pipe}: the shell's own stdin or another pipe. */
    Consumer<Consumer<String>> lineSource(Io io) {
        if (io.shellIn()) {
            return input::nextLine;
        }
        if (io.in() == null) {
            return cb -> cb.accept(null);
        }
        if (pipeLines.size() > 64) {
            pipeLines.clear(); // old here-documents and files: done with
        }
        PipeLines lines = pipeLines.computeIfAbsent(io.in(), PipeLines::new);
        return lines::nextLine;
    }

    Job newJob(String text) {
        jobs.removeIf(j -> j.reported);
        int number = 1;
        for (Job j : jobs) {
            number = Math.max(number, j.number + 1);
        }
        Job job = new Job(number, text);
        if (jobs.size() < MAX_JOBS) {
            jobs.add(job);
        }
        return job;
    }

    /** bash's "[1]+  Done                    sleep 1" lines for jobs finished since the last prompt. */
    String finishedJobsReport() {
        StringBuilder sb = new StringBuilder();
        int newest = jobs.isEmpty() ? 0 : jobs.get(jobs.size() - 1).number;
        for (Job j : jobs) {
            if (j.status != null && !j.reported) {
                j.reported = true;
                String state = switch (j.status) {
                    case 0 -> "Done";
                    case 137 -> "Killed";
                    case 143 -> "Terminated";
                    case 130 -> "Interrupt";
                    default -> "Exit " + j.status;
                };
                sb.append('[').append(j.number).append(']').append(j.number == newest ? '+' : '-').append("  ")
                        .append(String.format(Locale.ROOT, "%-24s", state)).append(j.text).append('\n');
            }
        }
        return sb.toString();
    }
}
