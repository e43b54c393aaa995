package clusterlab.lab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lab} command: the one entry point for students, instructors, researchers and tests.
 * {@code ./lab} at the repository root builds the jars when needed and runs this class.
 */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = {
            "clusterlab: a deterministic simulator and teaching lab for Docker and Docker Swarm.",
            ""
        },
        subcommands = {
            VersionCommand.class,
            ShellCommand.class,
            RunCommand.class,
            LessonCommand.class,
            ExportCommand.class,
            SweepCommand.class,
            FuzzCommand.class,
            RaftCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Every run is deterministic: the same seed gives the same transcript and trace.",
            "Course notes: lessons/ ; scenarios: scenarios/ ; docs: README.md"
        })
public final class LabMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new LabMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
