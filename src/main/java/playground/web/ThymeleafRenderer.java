package playground.web;

import io.javalin.rendering.FileRenderer;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Map;

/**
 * Renders Thymeleaf templates from {@code templates/} on the classpath for
 * Javalin's {@code ctx.render}. (javalin-rendering-thymeleaf 7.x does not
 * resolve from Maven Central; see STACK-NOTES.md.) Thymeleaf escapes every
 * {@code th:text}, which is how program output stays text.
 */
public final class ThymeleafRenderer implements FileRenderer {
    private final TemplateEngine engine = new TemplateEngine();

    public ThymeleafRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    @Override
    public String render(String template, Map<String, ?> model, io.javalin.http.Context ctx) {
        org.thymeleaf.context.Context context = new org.thymeleaf.context.Context();
        model.forEach(context::setVariable);
        return engine.process(template, context);
    }
}
