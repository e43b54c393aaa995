package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** coreutils {@code wc [-l] [-w] [-c] [FILE]...} with coreutils's column widths. */
public final class Wc implements Program {
    private record Counts(String name, long lines, long words, long bytes) {}

    @Override
    public void start(ProcessContext ctx) {
        boolean l = false;
        boolean w = false;
        boolean c = false;
        List<String> files = new ArrayList<>();
        for (String a : ctx.args()) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char ch : a.substring(1).toCharArray()) {
                    switch (ch) {
                        case 'l' -> l = true;
                        case 'w' -> w = true;
                        case 'c', 'm' -> c = true;
                        default -> {
                            ctx.eprintln("wc: invalid option -- '" + ch + "'");
                            ctx.eprintln("Try 'wc --help' for more information.");
                            ctx.exit(1);
                            return;
                        }
                    }
                }
            } else {
                files.add(a);
            }
        }
        if (!l && !w && !c) {
            l = w = c = true;
        }
        boolean showLines = l;
        boolean showWords = w;
        boolean showBytes = c;
        List<Counts> all = new ArrayList<>();
        ToolSupport.run(ctx, 512L << 10, Time.MILLISECOND / 2, () -> Inputs.forEach(ctx, "wc", files,
                (name, text) -> all.add(count(files.isEmpty() ? "" : name, text)), errors -> {
                    int columns = (showLines ? 1 : 0) + (showWords ? 1 : 0) + (showBytes ? 1 : 0);
                    int width;
                    if (columns == 1 && Math.max(1, files.size()) == 1) {
                        width = 1;
                    } else {
                        long sum = 0;
                        boolean stdin = files.isEmpty() || files.contains("-");
                        for (Counts k : all) {
                            sum += k.bytes();
                        }
                        width = Math.max(stdin ? 7 : 1, String.valueOf(sum).length());
                    }
                    StringBuilder out = new StringBuilder();
                    long tl = 0;
                    long tw = 0;
                    long tb = 0;
                    for (Counts k : all) {
                        out.append(line(k, width, showLines, showWords, showBytes));
                        tl += k.lines();
                        tw += k.words();
                        tb += k.bytes();
                    }
                    if (files.size() > 1) {
                        out.append(line(new Counts("total", tl, tw, tb), width, showLines, showWords, showBytes));
                    }
                    ctx.print(out.toString());
                    ctx.exit(errors > 0 ? 1 : 0);
                }));
    }

    private static Counts count(String name, String text) {
        long lines = text.chars().filter(ch -> ch == '\n').count();
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return new Counts(name, lines, words, text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static String line(Counts k, int width, boolean l, boolean w, boolean c) {
        List<String> parts = new ArrayList<>();
        if (l) {
            parts.add(pad(k.lines(), width));
        }
        if (w) {
            parts.add(pad(k.words(), width));
        }
        if (c) {
            parts.add(pad(k.bytes(), width));
        }
        String s = String.join(" ", parts);
        return (k.name().isEmpty() ? s : s + " " + k.name()) + "\n";
    }

    private static String pad(long v, int width) {
        String s = String.valueOf(v);
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
