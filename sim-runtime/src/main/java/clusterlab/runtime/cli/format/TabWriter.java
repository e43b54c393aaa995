package clusterlab.runtime.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A port of the tabwriter docker/cli prints every table through
 * ({@code tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)}, a fork of Go's text/tabwriter).
 *
 * <p>Cells are terminated by '\t' (or '\v'); the text after the last tab of a line is
 * not a cell and is never padded. A column's width is computed per block of
 * consecutive lines that have a cell in that column: max(minwidth, widest cell + padding).
 * A line with no tab ends every block (Go flushes there), and so does '\f'.
 * Without the DiscardEmptyColumns/TabIndent flags, trailing padding of a terminated
 * empty cell is kept, exactly as Go writes it.
 */
public final class TabWriter {

    /** docker/cli's arguments: minwidth 10, tabwidth 1, padding 3, padchar ' ', flags 0. */
    public static final int DOCKER_MIN_WIDTH = 10;
    public static final int DOCKER_PADDING = 3;

    private final int minWidth;
    private final int padding;
    private final CellWidth cellWidth;
    private final StringBuilder pending = new StringBuilder();

    public TabWriter(int minWidth, int padding, CellWidth cellWidth) {
        if (minWidth < 0 || padding < 0) {
            throw new IllegalArgumentException("negative minwidth or padding");
        }
        this.minWidth = minWidth;
        this.padding = padding;
        this.cellWidth = cellWidth;
    }

    /** The writer docker/cli uses for tables. */
    public static TabWriter docker() {
        return new TabWriter(DOCKER_MIN_WIDTH, DOCKER_PADDING, CellWidth.TERMINAL);
    }

    /** Formats tab-separated text in one go with docker's settings. */
    public static String format(String tabSeparatedText) {
        return docker().write(tabSeparatedText).render();
    }

    /** Appends raw text (cells end with '\t', lines with '\n'). */
    public TabWriter write(String text) {
        pending.append(text);
        return this;
    }

    /** Appends one line whose cells are all tab-terminated except the last. */
    public TabWriter row(String... cells) {
        pending.append(String.join("\t", cells)).append('\n');
        return this;
    }

    /** Formats everything written so far (like Write + Flush) and clears the buffer. */
    public String render() {
        String text = pending.toString();
        pending.setLength(0);
        StringBuilder out = new StringBuilder(text.length() * 2);
        Section section = new Section();
        int cellStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '\t' && ch != '\u000b' && ch != '\n' && ch != '\f') {
                continue;
            }
            int cells = section.terminateCell(text.substring(cellStart, i), ch == '\t');
            cellStart = i + 1;
            if (ch == '\n' || ch == '\f') {
                section.newLine();
                // A one-cell line cannot influence later columns, so Go flushes there.
                if (ch == '\f' || cells == 1) {
                    section.flush(out);
                    section = new Section();
                }
            }
        }
        section.finish(text.substring(cellStart));
        section.flush(out);
        return out.toString();
    }

    /** How wide a cell's text is on screen. */
    public enum CellWidth {
        /** One column per Unicode code point (Go's text/tabwriter). */
        RUNES {
            @Override
            int of(String s) {
                return s.codePointCount(0, s.length());
            }
        },
        /** East Asian wide = 2, combining = 0 (docker/cli's fork, via go-runewidth). */
        TERMINAL {
            @Override
            int of(String s) {
                return TerminalWidth.of(s);
            }
        };

        abstract int of(String s);
    }

    private static void pad(StringBuilder out, int count) {
        for (int k = 0; k < count; k++) {
            out.append(' ');
        }
    }

    private record Cell(String text, int width, boolean htab) {
    }

    /** The buffered lines between two flushes. */
    private final class Section {
        private final List<List<Cell>> lines = new ArrayList<>();
        private final List<Integer> widths = new ArrayList<>();

        Section() {
            lines.add(new ArrayList<>());
        }

        int terminateCell(String text, boolean htab) {
            List<Cell> line = lines.get(lines.size() - 1);
            line.add(new Cell(text, cellWidth.of(text), htab));
            return line.size();
        }

        void newLine() {
            lines.add(new ArrayList<>());
        }

        /** Go's Flush terminates a non-empty incomplete cell; an empty one stays pending. */
        void finish(String rest) {
            if (!rest.isEmpty()) {
                terminateCell(rest, false);
            }
        }

        void flush(StringBuilder out) {
            format(out, 0, lines.size());
        }

        /** Go's recursive column-block algorithm; depth is bounded by the cell count of a line. */
        private void format(StringBuilder out, int line0, int line1) {
            int column = widths.size();
            int start = line0;
            for (int current = line0; current < line1; current++) {
                if (column >= lines.get(current).size() - 1) {
                    continue;
                }
                writeLines(out, start, current);
                start = current;
                int width = minWidth;
                for (; current < line1; current++) {
                    List<Cell> line = lines.get(current);
                    if (column >= line.size() - 1) {
                        break;
                    }
                    width = Math.max(width, line.get(column).width() + padding);
                }
                widths.add(width);
                format(out, start, current);
                widths.remove(widths.size() - 1);
                // Like Go, the loop increment then skips the line that ended the block:
                // it has no cell in this column, so nothing is lost.
                start = current;
            }
            writeLines(out, start, line1);
        }

        private void writeLines(StringBuilder out, int line0, int line1) {
            for (int i = line0; i < line1; i++) {
                List<Cell> line = lines.get(i);
                for (int j = 0; j < line.size(); j++) {
                    Cell cell = line.get(j);
                    out.append(cell.text());
                    if (j < widths.size()) {
                        pad(out, widths.get(j) - cell.width());
                    }
                }
                // The last buffered line has no line break of its own.
                if (i + 1 != lines.size()) {
                    out.append('\n');
                }
            }
        }
    }
}
