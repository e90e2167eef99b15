package io.sluice.template.functions;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** filterPEM, filterCertChain, certSANs and join (to print certSANs' list). */
final class PemFunctions {
    private PemFunctions() {
    }

    static void register(FunctionLibrary.Builder library) {
        library.two("filterPEM", "filterPEM TYPE VALUE", (type, v) -> filterPem(Args.text(type), Args.text(v)));
        library.two("filterCertChain", "filterCertChain leaf|intermediate|root VALUE",
                (kind, v) -> filterCertChain(Args.text(kind), Args.text(v)));
        library.one("certSANs", "certSANs VALUE", v -> certSans(Args.text(v)));
        library.two("join", "join SEPARATOR LIST", (sep, list) -> join(Args.text(sep), list));
    }

    static String filterPem(String type, String text) {
        List<Pem.Block> blocks = Pem.blocks("filterPEM", text);
        if (blocks.isEmpty() && !text.isBlank()) {
            throw new FunctionFailure("filterPEM", "no PEM block found in the input");
        }
        return blocks.stream().filter(b -> b.type().equalsIgnoreCase(type))
                .map(b -> Pem.encode(b.type(), b.der())).collect(Collectors.joining());
    }

    static String filterCertChain(String kind, String text) {
        List<X509Certificate> ordered = CertChain.order("filterCertChain",
                KeyReader.certificates("filterCertChain", text));
        return switch (kind) {
            case "leaf" -> CertChain.isRoot(ordered.get(0)) ? "" : CertChain.pem("filterCertChain", ordered.get(0));
            case "intermediate" -> CertChain.pem("filterCertChain", ordered.subList(Math.min(1, ordered.size()),
                    ordered.size()).stream().takeWhile(c -> !CertChain.isRoot(c)).toList());
            case "root" -> CertChain.isRoot(ordered.get(ordered.size() - 1))
                    ? CertChain.pem("filterCertChain", ordered.get(ordered.size() - 1)) : "";
            default -> throw new FunctionFailure("filterCertChain", "the type must be leaf, intermediate or root");
        };
    }

    /** DNS names, then IP addresses, e-mail addresses and URIs, like Go's x509 fields. */
    static List<String> certSans(String text) {
        X509Certificate cert = KeyReader.certificates("certSANs", text).get(0);
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new FunctionFailure("certSANs", "the subject alternative names cannot be parsed");
        }
        List<String> sans = new ArrayList<>();
        if (names != null) {
            for (int type : new int[] {2, 7, 1, 6}) {
                names.stream().filter(n -> ((Integer) n.get(0)) == type).map(n -> n.get(1).toString()).forEach(sans::add);
            }
        }
        return sans;
    }

    private static String join(String separator, Object list) {
        if (list instanceof Collection<?> items) {
            return StringFunctions.join("join", separator, items.stream().map(Args::text).toList());
        }
        return Args.text(list);
    }
}
