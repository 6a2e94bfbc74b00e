package playground.lesson;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a lesson's Markdown body. An empty fenced block whose info string
 * is {@code snippet <file>} marks where a runnable snippet goes; the body
 * comes back as segments around those places. Raw HTML in lessons is shown
 * as text, not interpreted: lessons are content, not page code.
 */
final class LessonMarkdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Pattern MARKER = Pattern.compile("<!--snippet:([^>]*)-->");
    static final String SNIPPET_INFO = "snippet ";

    private LessonMarkdown() {
    }

    /**
     * @param lineOffset lines before the body in the file (front matter), so problems name the file's real line
     */
    static List<Segment> render(Path file, String body, int lineOffset, Map<String, Snippet> snippets,
                                Set<String> referenced, List<LessonProblem> problems) {
        Node document = PARSER.parse(body);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
                .sanitizeUrls(true)
                .nodeRendererFactory(SnippetMarkerRenderer::new)
                .build();
        checkSnippetReferences(file, document, lineOffset, snippets, referenced, problems);
        return split(renderer.render(document), snippets);
    }

    private static void checkSnippetReferences(Path file, Node node, int lineOffset, Map<String, Snippet> snippets,
                                               Set<String> referenced, List<LessonProblem> problems) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof FencedCodeBlock block && snippetName(block) != null) {
                String name = snippetName(block);
                int line = block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex() + 1 + lineOffset;
                if (!snippets.containsKey(name)) {
                    problems.add(new LessonProblem(file, line, "snippet file '" + name + "' is not in the lesson folder"));
                }
                if (!block.getLiteral().isBlank()) {
                    problems.add(new LessonProblem(file, line, "a ```snippet block stays empty: the code lives in " + name));
                }
                referenced.add(name);
            }
            checkSnippetReferences(file, child, lineOffset, snippets, referenced, problems);
        }
    }

    private static String snippetName(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip();
        return info.startsWith(SNIPPET_INFO) ? info.substring(SNIPPET_INFO.length()).strip() : null;
    }

    private static List<Segment> split(String html, Map<String, Snippet> snippets) {
        List<Segment> segments = new ArrayList<>();
        Matcher marker = MARKER.matcher(html);
        int last = 0;
        while (marker.find()) {
            if (marker.start() > last) segments.add(Segment.html(html.substring(last, marker.start())));
            Snippet snippet = snippets.get(marker.group(1));
            if (snippet != null) segments.add(Segment.snippet(snippet));
            last = marker.end();
        }
        if (last < html.length()) segments.add(Segment.html(html.substring(last)));
        return List.copyOf(segments);
    }

    /** Writes a marker comment for snippet blocks; every other code block renders as usual. */
    private static final class SnippetMarkerRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        SnippetMarkerRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FencedCodeBlock.class);
        }

        @Override
        public void render(Node node) {
            FencedCodeBlock block = (FencedCodeBlock) node;
            String name = snippetName(block);
            if (name != null && name.matches("[A-Za-z0-9_.-]+")) {
                context.getWriter().raw("<!--snippet:" + name + "-->");
                return;
            }
            var html = context.getWriter();
            String info = block.getInfo() == null ? "" : block.getInfo().strip().split("\\s+")[0];
            html.line();
            html.tag("pre");
            html.tag("code", info.isEmpty() ? Map.of() : Map.of("class", "language-" + info));
            html.text(block.getLiteral());
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }
    }
}
