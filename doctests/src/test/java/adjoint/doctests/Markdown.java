package adjoint.doctests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown document, each with the doctest directive written just
 * above it, if any: an HTML comment {@code <!-- doctest: ... -->}, which a reader never sees.
 */
final class Markdown {

    private static final Pattern DIRECTIVE = Pattern.compile("<!--\\s*doctest:\\s*(.*?)\\s*-->");

    private Markdown() {}

    /**
     * A fenced block.
     *
     * @param file the document
     * @param line the line of its opening fence, from 1
     * @param info the fence's info string, such as {@code java}, or empty
     * @param lines the lines between the fences
     * @param directive the doctest directive above it, or null
     */
    record Block(Path file, int line, String info, List<String> lines, String directive) {

        /** {@return where the block is, as {@code README.md:42}} */
        String where() {
            return file.getFileName() + ":" + line;
        }

        /** {@return whether the block is a transcript: its first line a command after {@code $ }} */
        boolean transcript() {
            return !lines.isEmpty() && lines.get(0).startsWith("$ ");
        }
    }

    /** {@return the fenced blocks of {@code file}, in order} */
    static List<Block> blocks(Path file) throws IOException {
        List<String> text = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        String directive = null;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            Matcher m = DIRECTIVE.matcher(line.strip());
            if (m.matches()) {
                directive = m.group(1);
            } else if (line.startsWith("```")) {
                int start = i;
                List<String> body = new ArrayList<>();
                while (++i < text.size() && !text.get(i).startsWith("```")) {
                    body.add(text.get(i));
                }
                if (i == text.size()) {
                    throw new IllegalStateException(file.getFileName() + ":" + (start + 1) + ": a code block is never closed");
                }
                blocks.add(new Block(file, start + 1, line.substring(3).strip(), List.copyOf(body), directive));
                directive = null;
            } else if (!line.isBlank()) {
                directive = null;
            }
        }
        return blocks;
    }
}
