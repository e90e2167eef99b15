package io.sluice.template.render;

import io.sluice.api.v1.ExternalSecret;
import io.sluice.kube.MetadataRules;
import io.sluice.template.LiteralKeys;
import io.sluice.template.RenderedSecret;
import io.sluice.template.SecretTemplateRenderer;
import io.sluice.template.TemplateErrorReason;
import io.sluice.template.TemplateException;
import io.sluice.template.TemplateSources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offline dry run: renders an ExternalSecret's template from a manifest file and a file of values,
 * with the operator's own engine and functions, and prints the Secret it would write. Needs no
 * cluster and no AWS account. Exit code 0 on success, 1 on a template error, 2 on bad usage or files.
 */
public final class RenderCommand {
    static final String USAGE = """
            usage: render EXTERNALSECRET.yaml VALUES.yaml [--configmap NAME=FILE]... [--secret NAME=FILE]...
              VALUES.yaml    a YAML or JSON map of fetched key to value (what the store would return)
              --configmap    a YAML map standing in for a ConfigMap named by templateFrom
              --secret       a YAML map (plain values) standing in for a Secret named by templateFrom
            """;

    private final SecretTemplateRenderer renderer;

    public RenderCommand(SecretTemplateRenderer renderer) {
        this.renderer = renderer;
    }

    public static void main(String[] args) {
        System.exit(new RenderCommand(new SecretTemplateRenderer()).run(args, System.out, System.err));
    }

    public int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Path> configMaps = new HashMap<>();
        Map<String, Path> secrets = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--configmap") || arg.equals("--secret"))
                    && i + 1 < args.length
                    && args[i + 1].contains("=")) {
                String[] nameAndFile = args[++i].split("=", 2);
                (arg.equals("--configmap") ? configMaps : secrets).put(nameAndFile[0], Path.of(nameAndFile[1]));
            } else if (arg.startsWith("-")) {
                err.print(USAGE);
                return 2;
            } else {
                files.add(Path.of(arg));
            }
        }
        if (files.size() != 2) {
            err.print(USAGE);
            return 2;
        }
        try {
            ExternalSecret es = RenderInputs.externalSecret(files.get(0));
            Map<String, byte[]> values = RenderInputs.values(files.get(1));
            out.print(render(es, values, new FileTemplateSources(configMaps, secrets)));
            return 0;
        } catch (TemplateException e) {
            err.println("error: " + e.reason() + ": " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private String render(ExternalSecret es, Map<String, byte[]> values, TemplateSources sources) throws IOException {
        var target = es.getSpec() == null ? null : es.getSpec().target;
        var template = target == null ? null : target.template;
        String owner = es.getMetadata().getNamespace() + "/" + es.getMetadata().getName();
        RenderedSecret secret = renderer.render(owner, template, values, sources);
        String name = Optional.ofNullable(target)
                .map(t -> t.name)
                .filter(n -> !n.isEmpty())
                .orElse(es.getMetadata().getName());
        // without a template, ESO copies the ExternalSecret's own labels and annotations
        Map<String, String> labels = template == null ? orEmpty(es.getMetadata().getLabels()) : secret.labels();
        Map<String, String> annotations =
                template == null ? orEmpty(es.getMetadata().getAnnotations()) : secret.annotations();
        List<String> problems =
                MetadataRules.secretProblems(labels, annotations, secret.data().keySet(), LiteralKeys.of(es)::contains);
        if (!problems.isEmpty()) {
            throw new TemplateException(
                    TemplateErrorReason.TemplateOutputError,
                    "metadata",
                    "the API server would refuse the Secret: " + String.join("; ", problems));
        }
        return SecretYaml.write(
                name, es.getMetadata().getNamespace(), secret.type(), labels, annotations, secret.data());
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    /** templateFrom sources read from local files given on the command line. */
    private record FileTemplateSources(Map<String, Path> configMaps, Map<String, Path> secrets)
            implements TemplateSources {
        @Override
        public Map<String, String> configMap(String name) {
            return read(configMaps.get(name), RenderInputs::strings);
        }

        @Override
        public Map<String, byte[]> secret(String name) {
            return read(secrets.get(name), RenderInputs::values);
        }

        private static <T> T read(Path file, Reader<T> reader) {
            if (file == null) {
                return null;
            }
            try {
                return reader.read(file);
            } catch (IOException e) {
                // RenderInputs' messages name the file and the position, never the content
                throw new IllegalArgumentException("cannot read " + e.getMessage());
            }
        }

        @FunctionalInterface
        private interface Reader<T> {
            T read(Path file) throws IOException;
        }
    }
}
