package io.sluice.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds, in Java sources, the Kubernetes API calls Sluice makes and the permission each needs: fabric8 client
 * chains ({@code client.secrets().inNamespace(ns).withName(n).get()}, handles kept in a variable, {@code
 * client.resource(x).create()}), informers, and what the SDK does for a reconciler (primary informer, status
 * patch, finalizer), for an ownerReference with blockOwnerDeletion and for leader election. A text scan, not a
 * compiler: a client call it cannot attribute to a resource and a verb is reported as a problem rather than
 * skipped, so a new kind of call makes the check fail until the scan (and the RBAC) learn about it.
 */
final class KubernetesCallSites {

    /** One permission one class needs. {@code resource} is {@code *}/finalizers when the owner is not known. */
    record Call(String group, String resource, String verb, String callSite) {}

    static final String ANY_OWNER_FINALIZERS = "*/finalizers";

    private static final Map<String, String[]> SELECTORS = Map.of(
            "secrets", new String[] {"", "secrets"},
            "configMaps", new String[] {"", "configmaps"},
            "namespaces", new String[] {"", "namespaces"},
            "serviceAccounts", new String[] {"", "serviceaccounts"},
            "events", new String[] {"", "events"},
            "leases", new String[] {"coordination.k8s.io", "leases"},
            "pods", new String[] {"", "pods"});
    /** Client methods that only narrow or configure the request, and those that need no permission. */
    private static final Set<String> NEUTRAL = Set.of(
            "inNamespace",
            "inAnyNamespace",
            "withName",
            "withLabel",
            "withLabels",
            "withLabelSelector",
            "withField",
            "withFields",
            "withoutLabel",
            "withResourceVersion",
            "withTimeoutInMillis",
            "withGracePeriod",
            "withPropagationPolicy",
            "v1",
            "resource",
            "resources",
            "lockResourceVersion",
            "withLimit",
            "withNewFilter",
            "endFilter",
            "dryRun");
    /** Client methods that read the client's own settings and send no request. */
    private static final Set<String> LOCAL = Set.of("getConfiguration", "getMasterUrl", "getNamespace");

    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("get", "get"),
            Map.entry("require", "get"),
            Map.entry("list", "list"),
            Map.entry("watch", "watch"),
            Map.entry("create", "create"),
            Map.entry("update", "update"),
            Map.entry("replace", "update"),
            Map.entry("edit", "patch"),
            Map.entry("patch", "patch"),
            Map.entry("serverSideApply", "patch"),
            Map.entry("delete", "delete"),
            Map.entry("tokenRequest", "create"));
    /** fabric8 informers: a list, then a watch. */
    private static final Set<String> INFORMS = Set.of("inform", "runnableInformer");

    private static final Map<String, String> STATUS_VERBS = Map.of(
            "updateStatus",
            "update",
            "replaceStatus",
            "update",
            "patchStatus",
            "patch",
            "editStatus",
            "patch",
            "applyStatus",
            "patch");

    private static final Pattern CLIENT_DECLARATION = Pattern.compile("\\bKubernetesClient\\s+(\\w+)\\s*[;,)=]");
    private static final Pattern HANDLE =
            Pattern.compile("^\\s*(?:final\\s+)?(?:var|[\\w.<>, ?]+)\\s+(\\w+)\\s*=\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern RECONCILER = Pattern.compile("\\bimplements\\s+Reconciler<(\\w+)>");
    private static final Pattern CONTEXT = Pattern.compile("\\bContext<(\\w+)>");
    private static final Pattern INFORMER =
            Pattern.compile("InformerEventSourceConfiguration\\s*\\.\\s*from\\s*\\(\\s*(\\w+)\\.class");
    private static final Pattern RESOURCE_OPERATIONS =
            Pattern.compile("resourceOperations\\s*\\(\\s*\\)\\s*\\.\\s*(\\w+)\\s*\\(");
    /** {@code GuardedDelete.delete(client, object, ...)}: a delete of the object's resource, sent raw by GuardedDelete. */
    private static final Pattern GUARDED_DELETE =
            Pattern.compile("\\bGuardedDelete\\s*\\.\\s*delete\\s*\\(\\s*\\w+\\s*,\\s*(\\w+)\\s*,");

    private static final String GUARDED_DELETE_CLASS = "GuardedDelete";
    /** io.sluice.kube.PrimaryWrites: a reconciler's locked writes to its primary, through resourceOperations(). */
    private static final String PRIMARY_WRITES = "PrimaryWrites";

    private static final Pattern PRIMARY_WRITE = Pattern.compile("PrimaryWrites\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern UPDATE_CONTROL_WRITE = Pattern.compile(
            "UpdateControl\\s*\\.\\s*(?:<[^>]*>\\s*)?(patchResource|updateResource|patchResourceAndStatus|updateResourceAndStatus)\\s*\\(");

    final List<Call> calls = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    static KubernetesCallSites scan(Path sourceRoot) {
        KubernetesCallSites result = new KubernetesCallSites();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                result.scanSource(name, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    void scanSource(String callSite, String source) {
        if (callSite.equals(PRIMARY_WRITES)) {
            return; // its writes to a reconciler's primary are counted where it is called, with their primary
        }
        String code = withoutCommentsAndStrings(source);
        Map<String, String> imports = imports(code);
        frameworkCalls(callSite, code, imports);

        Set<String> clients = new LinkedHashSet<>();
        Matcher declared = CLIENT_DECLARATION.matcher(code);
        while (declared.find()) {
            clients.add(declared.group(1));
        }
        if (clients.isEmpty() && !code.contains("getClient()")) {
            return;
        }
        Map<String, String[]> handles = new HashMap<>();
        String body = code.replaceAll("(?m)^\\s*(?:import|package)\\s[^;]*;", "");
        for (String statement : body.split("[;{}]")) {
            String[] receiver = null;
            int from = -1;
            for (String client : clients) {
                from = chainStart(statement, "(?<![\\w.])(?:this\\s*\\.\\s*)?" + client + "\\s*(?=\\.)");
                if (from >= 0) {
                    break;
                }
            }
            if (from < 0) {
                from = chainStart(statement, "getClient\\s*\\(\\s*\\)\\s*(?=\\.)");
            }
            for (var handle = handles.entrySet().iterator(); from < 0 && handle.hasNext(); ) {
                var entry = handle.next();
                from = chainStart(statement, "(?<![\\w.])" + entry.getKey() + "\\s*(?=\\.)");
                receiver = entry.getValue();
            }
            if (from < 0) {
                continue;
            }
            List<String[]> chain = chain(statement, from);
            if (!chain.isEmpty() && LOCAL.contains(chain.get(0)[0])) {
                continue;
            }
            String text = statement.substring(from).strip();
            if (callSite.equals(GUARDED_DELETE_CLASS) && !chain.isEmpty() && chain.get(0)[0].equals("raw")) {
                continue; // the delete each caller asks for is attributed to the caller (GUARDED_DELETE)
            }
            String[] resource = receiver != null ? receiver : resourceOf(chain, code, imports, callSite);
            String verb = null;
            for (String[] call : chain) {
                String method = call[0];
                if (SELECTORS.containsKey(method) || NEUTRAL.contains(method)) {
                    continue;
                }
                if (INFORMS.contains(method)) {
                    verb = "inform";
                } else if (VERBS.containsKey(method)) {
                    verb = method.equals("tokenRequest") ? "token:create" : VERBS.get(method);
                } else if (STATUS_VERBS.containsKey(method)) {
                    verb = "status:" + STATUS_VERBS.get(method);
                } else {
                    verb = "?" + method;
                }
                // the first verb sends the request; what follows works on its answer
                break;
            }
            if (resource == null) {
                problems.add(callSite + ": cannot tell which resource this call touches: " + text);
            } else if (verb == null) {
                Matcher assignment = HANDLE.matcher(statement);
                if (assignment.matches()) {
                    handles.put(assignment.group(1), resource);
                } else {
                    problems.add(callSite + ": a Kubernetes call with no verb: " + text);
                }
            } else if (verb.startsWith("?")) {
                problems.add(callSite + ": " + verb.substring(1)
                        + "() is not a verb KubernetesCallSites knows; teach it: " + text);
            } else if (verb.equals("inform")) {
                calls.add(new Call(resource[0], resource[1], "list", callSite));
                calls.add(new Call(resource[0], resource[1], "watch", callSite));
            } else if (verb.equals("token:create")) {
                calls.add(new Call(resource[0], resource[1] + "/token", "create", callSite));
            } else if (verb.startsWith("status:")) {
                calls.add(new Call(resource[0], resource[1] + "/status", verb.substring(7), callSite));
            } else {
                calls.add(new Call(resource[0], resource[1], verb, callSite));
            }
        }
    }

    private static int chainStart(String statement, String receiver) {
        Matcher m = Pattern.compile(receiver).matcher(statement);
        return m.find() ? m.end() : -1;
    }

    /** The top-level method calls of a fluent chain starting at a '.': name and argument text of each. */
    static List<String[]> chain(String text, int from) {
        List<String[]> calls = new ArrayList<>();
        int i = from;
        while (true) {
            i = skipSpace(text, i);
            if (i >= text.length() || text.charAt(i) != '.') {
                return calls;
            }
            i = skipSpace(text, i + 1);
            int nameStart = i;
            while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            i = skipSpace(text, i);
            if (name.isEmpty() || i >= text.length() || text.charAt(i) != '(') {
                return calls;
            }
            int depth = 0;
            int argsStart = i + 1;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            calls.add(new String[] {name, text.substring(argsStart, Math.max(argsStart, i - 1))});
        }
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** What the SDK or fabric8 does on behalf of a class, recognised from how the class asks for it. */
    private void frameworkCalls(String callSite, String code, Map<String, String> imports) {
        Matcher reconciler = RECONCILER.matcher(code);
        String[] primary = null;
        if (reconciler.find()) {
            primary = groupAndPlural(reconciler.group(1), imports, callSite);
            if (primary != null) {
                // the primary informer, and UpdateControl.patchStatus: every Sluice reconciler reports a status
                add(primary, "", "list", callSite);
                add(primary, "", "watch", callSite);
                add(primary, "/status", "patch", callSite);
                if (code.contains("Cleaner<") || code.contains("finalizerName")) {
                    // the SDK's finalizer: a JSON patch, and a get when the patch conflicts
                    add(primary, "", "patch", callSite);
                    add(primary, "", "get", callSite);
                }
            }
        }
        Matcher write = UPDATE_CONTROL_WRITE.matcher(code);
        while (write.find()) {
            if (primary == null) {
                problems.add(callSite + ": UpdateControl." + write.group(1) + " outside a reconciler");
            } else {
                add(primary, "", write.group(1).startsWith("patch") ? "patch" : "update", callSite);
            }
        }
        Matcher primaryWrite = PRIMARY_WRITE.matcher(code);
        while (primaryWrite.find()) {
            if (!primaryWrite.group(1).equals("patch")) {
                continue; // status writes, granted to every reconciler above, or no write at all
            }
            Matcher context = CONTEXT.matcher(code);
            String[] target = context.find() ? groupAndPlural(context.group(1), imports, callSite) : null;
            if (target == null) {
                problems.add(callSite + ": PrimaryWrites.patch without a Context naming the primary");
            } else {
                add(target, "", "patch", callSite);
            }
        }
        Matcher operations = RESOURCE_OPERATIONS.matcher(code);
        while (operations.find()) {
            String method = operations.group(1);
            Matcher context = CONTEXT.matcher(code);
            String[] target = context.find() ? groupAndPlural(context.group(1), imports, callSite) : null;
            if (target == null || !Set.of("addFinalizer", "removeFinalizer").contains(method)) {
                problems.add(
                        callSite + ": resourceOperations()." + method + " is not modelled; teach KubernetesCallSites");
                continue;
            }
            add(target, "", "patch", callSite);
            add(target, "", "get", callSite);
        }
        Matcher informer = INFORMER.matcher(code);
        while (informer.find()) {
            String[] watched = groupAndPlural(informer.group(1), imports, callSite);
            if (watched != null) {
                add(watched, "", "list", callSite);
                add(watched, "", "watch", callSite);
            }
        }
        Matcher guarded = GUARDED_DELETE.matcher(code);
        while (guarded.find()) {
            Matcher declaration = Pattern.compile("\\b([A-Z]\\w*)\\s+" + guarded.group(1) + "\\s*[=:;,)]")
                    .matcher(code);
            String[] target = declaration.find() ? groupAndPlural(declaration.group(1), imports, callSite) : null;
            if (target == null) {
                problems.add(callSite + ": cannot tell which resource GuardedDelete deletes: " + guarded.group());
            } else {
                add(target, "", "delete", callSite);
            }
        }
        if (code.matches("(?s).*withBlockOwnerDeletion\\s*\\(\\s*true\\s*\\).*")) {
            calls.add(new Call("*", ANY_OWNER_FINALIZERS, "update", callSite));
        }
        if (code.contains("new LeaderElectionConfiguration(")) {
            for (String verb : List.of("get", "create", "update", "patch")) {
                calls.add(new Call("coordination.k8s.io", "leases", verb, callSite));
            }
        }
    }

    private void add(String[] resource, String subresource, String verb, String callSite) {
        calls.add(new Call(resource[0], resource[1] + subresource, verb, callSite));
    }

    private String[] resourceOf(List<String[]> chain, String code, Map<String, String> imports, String callSite) {
        for (String[] call : chain) {
            if (SELECTORS.containsKey(call[0]) && call[1].isBlank()) {
                return SELECTORS.get(call[0]);
            }
        }
        for (String[] call : chain) {
            Matcher type = Pattern.compile("^\\s*(\\w+)\\.class\\s*$").matcher(call[1]);
            if (call[0].equals("resources") && type.matches()) {
                return groupAndPlural(type.group(1), imports, callSite);
            }
            Matcher variable = Pattern.compile("^\\s*(\\w+)\\s*$").matcher(call[1]);
            if (call[0].equals("resource") && variable.matches()) {
                Matcher declaration = Pattern.compile("\\b([A-Z]\\w*)\\s+" + variable.group(1) + "\\s*[=:;,)]")
                        .matcher(code);
                if (declaration.find()) {
                    return groupAndPlural(declaration.group(1), imports, callSite);
                }
            }
        }
        return null;
    }

    private String[] groupAndPlural(String simpleName, Map<String, String> imports, String where) {
        String name = imports.getOrDefault(simpleName, "io.fabric8.kubernetes.api.model." + simpleName);
        try {
            Class<?> type = Class.forName(name, false, KubernetesCallSites.class.getClassLoader());
            if (!HasMetadata.class.isAssignableFrom(type)) {
                problems.add(where + ": " + name + " is not a Kubernetes resource");
                return null;
            }
            @SuppressWarnings("unchecked")
            Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
            String group = HasMetadata.getGroup(resource);
            return new String[] {group == null ? "" : group, HasMetadata.getPlural(resource)};
        } catch (ClassNotFoundException e) {
            problems.add(where + ": cannot resolve the resource class " + simpleName);
            return null;
        }
    }

    private static Map<String, String> imports(String code) {
        Map<String, String> imports = new HashMap<>();
        Matcher m = Pattern.compile("\\bimport\\s+([\\w.]+)\\.(\\w+)\\s*;").matcher(code);
        while (m.find()) {
            imports.put(m.group(2), m.group(1) + "." + m.group(2));
        }
        return imports;
    }

    /** Comments and the contents of string and char literals removed, so that neither can fake or hide a call. */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? source.length() : i;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
