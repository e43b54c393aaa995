/**
 * The shells: {@code bash} and {@code sh} (dash's messages and echo), one {@link
 * clusterlab.kernel.programs.shell.Shell} program.
 *
 * <p>Structure: {@link clusterlab.kernel.programs.shell.Parser} (on {@code CharCursor} and {@code
 * WordParser}) turns text into an {@link clusterlab.kernel.programs.shell.Ast}; it throws only
 * {@link clusterlab.kernel.programs.shell.ShellSyntaxException}, whose {@code incomplete()} tells an
 * open quote or a here-document still waiting for its delimiter from a real error. {@code
 * Interpreter} runs the tree in continuation-passing style ({@code CompoundRunner} for if/while/for,
 * {@code Builtins}, {@code Expander} and {@code Glob} for words, {@code Redirections}); {@code Shell}
 * is the read-parse-run loop with prompts.
 *
 * <p><b>Terminal handoff.</b> A shell only holds its {@link clusterlab.kernel.os.Stdio}. When its
 * stdin is a {@link clusterlab.kernel.os.Terminal}'s input pipe, {@link
 * clusterlab.kernel.os.Pipe#terminal()} leads back to the terminal (the one small kernel addition:
 * the terminal binds itself to its input pipe, as a tty file descriptor leads to its device). For a
 * foreground command the shell detaches its reader from the pipe before spawning, the command
 * attaches its own (readInput), and the shell attaches again when the command has exited; text
 * typed in between stays in the pipe. The shell makes the command the terminal's foreground process
 * ({@code setForeground(child)}) and takes it back afterwards; for a pipeline the shell itself is the
 * foreground process, so that {@link clusterlab.kernel.os.Terminal#interrupt()} (which signals the
 * foreground process and its same-tty descendants) reaches every stage while the interactive shell,
 * waiting for the job, ignores its own SIGINT. At the prompt, SIGINT makes the interactive shell
 * drop the partial command and print a fresh prompt ($? = 130). An interactive shell makes itself
 * the foreground process when it starts.
 */
package clusterlab.kernel.programs.shell;
